namespace BalanceClients.Providers;

/// <summary>One setting of a provider account's credentials.</summary>
/// <param name="Key">Its configuration key under the account's section (<c>ApiKey</c>).</param>
/// <param name="EnvironmentVariable">The contract's variable that sets it for the <c>default</c> account (<c>TELNYX_API_KEY</c>).</param>
/// <param name="AllowedValues">The values it accepts, or <see langword="null"/> for any non-empty value.</param>
internal sealed record CredentialField(
    string Key,
    string EnvironmentVariable,
    IReadOnlyCollection<string>? AllowedValues = null);
