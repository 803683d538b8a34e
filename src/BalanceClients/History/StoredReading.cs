namespace BalanceClients.History;

/// <summary>One amount of one account at one time, as a store of readings holds it (and as <c>balances history</c> prints it).</summary>
/// <param name="Time">When it was read; stored in UTC, to the millisecond.</param>
/// <param name="Provider">The provider id.</param>
/// <param name="Account">The account's name.</param>
/// <param name="Kind">The kind of amount (<see cref="AmountKinds"/>).</param>
/// <param name="Currency">The currency code.</param>
/// <param name="Amount">The amount, exactly; <see langword="null"/> where the provider gave none.</param>
public sealed record StoredReading(DateTimeOffset Time, string Provider, string Account, string Kind, string Currency, decimal? Amount);
