namespace BalanceClients.Providers;

/// <summary>Removes an account's secrets from text that leaves the library, such as a provider's message echoing a key.</summary>
internal static class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Placeholder = "REDACTED";

    /// <summary>Redacts an error's code and message.</summary>
    /// <param name="error">The error.</param>
    /// <param name="secrets">The account's secrets.</param>
    /// <returns>The error, without any of the secrets.</returns>
    public static BalanceError Redact(BalanceError error, IEnumerable<string> secrets)
    {
        var message = error.Message;
        var code = error.ProviderCode;
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            message = message.Replace(secret, Placeholder, StringComparison.Ordinal);
            code = code?.Replace(secret, Placeholder, StringComparison.Ordinal);
        }

        return error with { Message = message, ProviderCode = code };
    }
}
