using BalanceClients.Configuration;

namespace BalanceClients.Providers;

/// <summary>Makes an account from its credential settings by key, checking each as the contract requires.</summary>
internal static class AccountSettings
{
    /// <summary>Makes an account, or nothing when none of its settings is set (the account is not configured).</summary>
    /// <param name="provider">The account's provider.</param>
    /// <param name="name">The account's name.</param>
    /// <param name="settings">The settings by key (compared ignoring case); values are trimmed.</param>
    /// <param name="nameOf">How a message names a setting.</param>
    /// <returns>The account, or <see langword="null"/> when no setting is set.</returns>
    /// <exception cref="BalanceConfigurationException">
    /// Only some settings are set, or one cannot be sent; the message names it, never its value.
    /// </exception>
    public static BalanceAccount? TryCreate(
        BalanceProvider provider,
        string name,
        IEnumerable<KeyValuePair<string, string?>>? settings,
        Func<CredentialField, string> nameOf)
    {
        var descriptor = provider.Descriptor;
        var given = settings?.ToList() ?? [];
        var values = descriptor.CredentialFields.ToDictionary(
            field => field.Key,
            field => given.FirstOrDefault(pair => string.Equals(pair.Key, field.Key, StringComparison.OrdinalIgnoreCase)).Value?.Trim(),
            StringComparer.Ordinal);
        if (values.Values.All(string.IsNullOrEmpty))
        {
            return null;
        }

        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in descriptor.CredentialFields)
        {
            accepted[field.Key] = Accept(descriptor, field, values[field.Key], nameOf);
        }

        return new BalanceAccount(descriptor.Id, name, descriptor.CreateCredentials(accepted));
    }

    /// <summary>The message for an account that is declared but has no credential set.</summary>
    /// <param name="provider">The account's provider.</param>
    /// <param name="nameOf">How a message names a setting.</param>
    /// <returns>The message.</returns>
    public static string NotSet(BalanceProvider provider, Func<CredentialField, string> nameOf) =>
        NotSet(provider.Descriptor, provider.Descriptor.CredentialFields[0], nameOf);

    private static string Accept(ProviderDescriptor descriptor, CredentialField field, string? value, Func<CredentialField, string> nameOf)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new BalanceConfigurationException(NotSet(descriptor, field, nameOf));
        }

        if (field.AllowedValues is { } allowed)
        {
            // Not a secret (a broker type, say): the message may quote it, cleaned.
            value = allowed.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase))
                ?? throw new BalanceConfigurationException(
                    $"{nameOf(field)} '{ProviderText.Clean(value)}' is not one of the values {descriptor.DisplayName} accepts "
                    + $"(see specs/{descriptor.Id}.yaml).");
        }

        return field.ProblemWith(value) is { } problem ? throw new BalanceConfigurationException($"{nameOf(field)} {problem}.") : value;
    }

    private static string NotSet(ProviderDescriptor descriptor, CredentialField field, Func<CredentialField, string> nameOf) =>
        $"{nameOf(field)} is not set: {descriptor.Id} needs all of {string.Join(", ", descriptor.CredentialFields.Select(nameOf))}.";
}
