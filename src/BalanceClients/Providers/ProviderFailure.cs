namespace BalanceClients.Providers;

/// <summary>What a provider said about a failure, read from its error body.</summary>
/// <param name="Kind">The error kind the provider's own code implies, or <see langword="null"/> to go by the HTTP status.</param>
/// <param name="Code">The provider's error code.</param>
/// <param name="Message">The provider's message.</param>
internal sealed record ProviderFailure(BalanceErrorKind? Kind, string? Code, string? Message);
