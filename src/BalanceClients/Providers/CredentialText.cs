namespace BalanceClients.Providers;

/// <summary>The rule every credential value obeys, however it was made: not empty, and no control characters.</summary>
internal static class CredentialText
{
    /// <summary>Checks a credential value given to a constructor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <exception cref="ArgumentException">The value is empty, blank or contains a control character.</exception>
    public static void ThrowIfInvalid(
        string value,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException("A credential cannot contain a control character (a line break, say).", parameterName);
        }
    }
}
