namespace BalanceClients.Cli.History;

/// <summary>The options of one <c>balances history</c>, parsed and checked.</summary>
/// <param name="Store">The store of readings.</param>
/// <param name="Format">The output format.</param>
/// <param name="Provider">Only this provider's readings, or all.</param>
/// <param name="Account">Only the readings of accounts of this name (ignoring case), or all.</param>
/// <param name="Since">Only readings of this last while, or all.</param>
/// <param name="ImportFile">The CSV file to import instead of printing (<c>-</c> for standard input), if any.</param>
internal sealed record HistorySettings(
    StoreLocation Store,
    HistoryFormat Format,
    string? Provider,
    string? Account,
    TimeSpan? Since,
    string? ImportFile);
