namespace BalanceClients.Providers;

/// <summary>The errors an adapter raises about a provider's answer.</summary>
internal static class ProviderAnswer
{
    /// <summary>An answer that does not fit the spec.</summary>
    /// <param name="what">What is wrong with it, in a few words.</param>
    /// <param name="httpStatus">The answer's HTTP status.</param>
    /// <returns>The exception to throw.</returns>
    public static BalanceException Invalid(string what, int? httpStatus) =>
        new(new BalanceError(BalanceErrorKind.InvalidResponse, httpStatus, null, $"The provider's answer does not fit its spec: {what}."));

    /// <summary>A failure the provider reported in the body of its answer.</summary>
    /// <param name="kind">The error kind.</param>
    /// <param name="httpStatus">The answer's HTTP status.</param>
    /// <param name="code">The provider's error code.</param>
    /// <param name="message">The provider's message.</param>
    /// <returns>The exception to throw.</returns>
    public static BalanceException Failed(BalanceErrorKind kind, int httpStatus, string? code, string? message) =>
        new(new BalanceError(kind, httpStatus, code, string.IsNullOrWhiteSpace(message) ? "The provider reported a failure." : message));

    /// <summary>Upper-cases a currency code, or fails if it is missing or not three letters (ISO 4217's form).</summary>
    /// <param name="currency">The currency as the provider sent it.</param>
    /// <param name="field">The field's name, for the message.</param>
    /// <param name="httpStatus">The answer's HTTP status.</param>
    /// <returns>The upper-case code.</returns>
    public static string Currency(string? currency, string field, int httpStatus) => currency switch
    {
        null or "" => throw Invalid($"the answer has no '{field}'", httpStatus),
        { Length: 3 } when char.IsAsciiLetter(currency[0]) && char.IsAsciiLetter(currency[1]) && char.IsAsciiLetter(currency[2]) =>
            currency.ToUpperInvariant(),
        _ => throw Invalid($"'{field}' is not a three-letter currency code", httpStatus),
    };
}
