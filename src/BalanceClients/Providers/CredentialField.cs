namespace BalanceClients.Providers;

/// <summary>One setting of a provider account's credentials.</summary>
/// <param name="Key">Its configuration key under the account's section (<c>ApiKey</c>).</param>
/// <param name="EnvironmentVariable">The contract's variable that sets it for the <c>default</c> account (<c>TELNYX_API_KEY</c>).</param>
/// <param name="Read">Reads the setting back from the provider's credentials.</param>
/// <param name="SentInHeader">Whether it travels in an HTTP header, where only printable ASCII can go.</param>
/// <param name="AllowedValues">The values it accepts, or <see langword="null"/> for any non-empty value.</param>
internal sealed record CredentialField(
    string Key,
    string EnvironmentVariable,
    Func<IAccountCredentials, string> Read,
    bool SentInHeader = false,
    IReadOnlyCollection<string>? AllowedValues = null)
{
    /// <summary>Why a value cannot be sent as this setting, or <see langword="null"/> if it can.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The problem, as the end of a sentence that starts with the setting's name; never quoting the value.</returns>
    public string? ProblemWith(string value)
    {
        if (value.Any(char.IsControl))
        {
            return "contains a control character (a line break, say), which cannot be sent";
        }

        if (SentInHeader && value.Any(c => c is < ' ' or > '~'))
        {
            return "contains a character that cannot be sent in an HTTP header (only printable ASCII can)";
        }

        if (AllowedValues is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
        {
            return "is not one of the values the provider accepts";
        }

        return null;
    }
}
