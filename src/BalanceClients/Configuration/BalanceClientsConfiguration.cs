using System.Globalization;
using BalanceClients.Providers;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Configuration;

/// <summary>
/// Reads <see cref="BalanceClientsOptions"/> from .NET configuration (section <c>Balances</c>) and from the contract's
/// environment variables, which configure each provider's <c>default</c> account and server URL.
/// </summary>
public static class BalanceClientsConfiguration
{
    /// <summary>The name of the configuration section read: <c>Balances</c>.</summary>
    public const string SectionName = BalanceDefaults.SectionName;

    /// <summary>Reads the options from configuration and the process's environment variables.</summary>
    /// <param name="configuration">The configuration; its <c>Balances</c> section is read. May be <see langword="null"/>.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="BalanceConfigurationException">A setting is missing or wrong; the message names it.</exception>
    public static BalanceClientsOptions Read(IConfiguration? configuration) =>
        Read(configuration, EnvironmentVariables());

    /// <summary>Reads the options from configuration and the given environment variables.</summary>
    /// <param name="configuration">The configuration; its <c>Balances</c> section is read. May be <see langword="null"/>.</param>
    /// <param name="environment">The environment variables, by name.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="BalanceConfigurationException">A setting is missing or wrong; the message names it.</exception>
    public static BalanceClientsOptions Read(IConfiguration? configuration, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = configuration?.GetSection(BalanceDefaults.SectionName);
        var options = new BalanceClientsOptions();
        if (root is not null)
        {
            ReadGeneral(root, options);
            ReadThresholds(root, options);
            RejectUnknownProviders(root);
        }

        foreach (var provider in ProviderCatalog.All)
        {
            ReadProvider(provider.Descriptor, root?.GetSection($"Providers:{provider.Descriptor.Id}"), environment, options);
        }

        Validate(options);
        return options;
    }

    /// <summary>Checks options however they were made.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="BalanceConfigurationException">A setting is wrong; the message names it.</exception>
    public static void Validate(BalanceClientsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require(options.Timeout > TimeSpan.Zero, "Balances:Timeout must be positive.");
        Require(options.MaxConcurrency >= 1, "Balances:MaxConcurrency must be at least 1.");
        foreach (var (id, provider) in options.Providers)
        {
            var prefix = $"Balances:Providers:{id}";
            Require(ProviderCatalog.TryGet(id, out _), $"{prefix} is not a known provider ({string.Join(", ", ProviderCatalog.Ids)}).");
            if (provider.BaseUrl is not null)
            {
                BaseUrlRules.Check(provider.BaseUrl, $"{prefix}:BaseUrl");
            }

            Require(provider.MaxResponseBytes > 0, $"{prefix}:MaxResponseBytes must be positive.");
            var resilience = provider.Resilience;
            // The ranges Polly itself accepts: anything outside them would fail every check instead of the configuration.
            Require(
                resilience.AttemptTimeout >= TimeSpan.FromMilliseconds(10) && resilience.AttemptTimeout <= TimeSpan.FromDays(1),
                $"{prefix}:Resilience:AttemptTimeout must be between 10 ms and 1 day.");
            Require(resilience.MaxRetries is >= 0 and <= 10, $"{prefix}:Resilience:MaxRetries must be between 0 and 10.");
            Require(
                resilience.RetryBaseDelay >= TimeSpan.Zero && resilience.RetryBaseDelay <= TimeSpan.FromDays(1),
                $"{prefix}:Resilience:RetryBaseDelay must be between 0 and 1 day.");
            Require(
                resilience.MaxRetryAfter >= TimeSpan.Zero && resilience.MaxRetryAfter <= TimeSpan.FromDays(1),
                $"{prefix}:Resilience:MaxRetryAfter must be between 0 and 1 day.");
        }

        for (var i = 0; i < options.Thresholds.Count; i++)
        {
            CheckThreshold(options.Thresholds[i], $"Balances:Thresholds:{i}");
        }

        var duplicate = options.Accounts
            .GroupBy(account => (Provider: account.Provider.ToUpperInvariant(), Name: account.Name.ToUpperInvariant()))
            .FirstOrDefault(group => group.Count() > 1);
        Require(duplicate is null, $"The account {duplicate?.First()} is configured twice.");
        foreach (var account in options.Accounts)
        {
            Require(ProviderCatalog.TryGet(account.Provider, out var provider), $"The account {account} names an unknown provider ({string.Join(", ", ProviderCatalog.Ids)}).");
            Require(!string.IsNullOrWhiteSpace(account.Name), $"An account of {account.Provider} has no name.");
            Require(
                provider.CredentialsType.IsInstanceOfType(account.Credentials),
                $"The account {account} needs {provider.CredentialsType.Name}, not {account.Credentials?.GetType().Name ?? "none"}.");
            foreach (var field in provider.Descriptor.CredentialFields)
            {
                var problem = field.ProblemWith(field.Read(account.Credentials!));
                Require(problem is null, $"The account {account}'s {field.Key} {problem}.");
            }
        }
    }

    /// <summary>Checks a threshold: a known provider and kind, at least one level, and a warning level not below the critical one.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <param name="settingName">Where it comes from, for the message (<c>Balances:Thresholds:0</c>, <c>--min telnyx=5</c>).</param>
    /// <exception cref="BalanceConfigurationException">The threshold is wrong; the message names it.</exception>
    public static void CheckThreshold(BalanceThreshold threshold, string settingName)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        Require(
            ProviderCatalog.TryGet(threshold.Provider ?? string.Empty, out var provider),
            $"{settingName}: '{threshold.Provider}' is not a provider ({string.Join(", ", ProviderCatalog.Ids)}).");
        var kinds = provider.Descriptor.Kinds;
        Require(
            threshold.Kind is null || kinds.Contains(threshold.Kind, StringComparer.Ordinal),
            $"{settingName}: {provider.Descriptor.Id} has no amount of kind '{threshold.Kind}' ({string.Join(", ", kinds)}).");
        Require(threshold.Warning is not null || threshold.Critical is not null, $"{settingName} sets neither Warning nor Critical.");
        Require(
            !(threshold.Warning < threshold.Critical),
            $"{settingName}: its Warning level is below its Critical level, so it could never warn first.");
    }

    /// <summary>Reads an account from a configuration section that holds <c>Provider</c>, <c>Name</c> and its credential settings.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="name">The account's name.</param>
    /// <param name="credentials">The section with the credential settings.</param>
    /// <param name="location">Where the account comes from, for messages (<c>line 3 of accounts.jsonl</c>).</param>
    /// <returns>The account.</returns>
    /// <exception cref="BalanceConfigurationException">The provider is unknown or a credential is missing or wrong.</exception>
    public static BalanceAccount ReadAccount(string provider, string name, IConfiguration credentials, string location)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (!ProviderCatalog.TryGet(provider, out var adapter))
        {
            throw new BalanceConfigurationException($"{location}: '{provider}' is not a known provider ({string.Join(", ", ProviderCatalog.Ids)}).");
        }

        var values = adapter.Descriptor.CredentialFields.ToDictionary(
            field => field.Key,
            field => (Value: credentials[field.Key], Source: $"{location}: {field.Key}"),
            StringComparer.Ordinal);
        return CreateAccount(adapter.Descriptor, name, values)
            ?? throw new BalanceConfigurationException($"{location}: {adapter.Descriptor.Id} needs {string.Join(", ", adapter.Descriptor.CredentialFields.Select(f => f.Key))}.");
    }

    private static void ReadGeneral(IConfigurationSection root, BalanceClientsOptions options)
    {
        if (root["Timeout"] is { } timeout)
        {
            options.Timeout = ParseTimeSpan(timeout, "Balances:Timeout");
        }

        if (root["MaxConcurrency"] is { } concurrency)
        {
            options.MaxConcurrency = int.TryParse(concurrency, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new BalanceConfigurationException("Balances:MaxConcurrency is not a whole number.");
        }
    }

    private static void ReadThresholds(IConfigurationSection root, BalanceClientsOptions options)
    {
        foreach (var section in root.GetSection("Thresholds").GetChildren())
        {
            var threshold = new BalanceThreshold();
            try
            {
                section.Bind(threshold);
            }
            catch (InvalidOperationException exception)
            {
                throw new BalanceConfigurationException($"{section.Path} has a setting of the wrong type (Warning and Critical are amounts).", exception);
            }

            options.Thresholds.Add(threshold);
        }
    }

    private static void RejectUnknownProviders(IConfigurationSection root)
    {
        foreach (var section in root.GetSection("Providers").GetChildren())
        {
            Require(ProviderCatalog.TryGet(section.Key, out _), $"{section.Path} is not a known provider ({string.Join(", ", ProviderCatalog.Ids)}).");
        }
    }

    private static void ReadProvider(ProviderDescriptor descriptor, IConfigurationSection? section, IReadOnlyDictionary<string, string?> environment, BalanceClientsOptions options)
    {
        var providerOptions = options.GetProvider(descriptor.Id);
        if (section is not null)
        {
            try
            {
                section.GetSection("Resilience").Bind(providerOptions.Resilience);
                if (section["MaxResponseBytes"] is not null)
                {
                    providerOptions.MaxResponseBytes = section.GetValue<int>("MaxResponseBytes");
                }
            }
            catch (InvalidOperationException exception)
            {
                throw new BalanceConfigurationException($"{section.Path} has a setting of the wrong type (times are hh:mm:ss, counts whole numbers).", exception);
            }
        }

        var baseUrl = NonEmpty(environment, descriptor.BaseUrlVariable) is { } fromEnvironment
            ? (fromEnvironment, descriptor.BaseUrlVariable)
            : (section?["BaseUrl"], section is null ? string.Empty : $"{section.Path}:BaseUrl");
        if (!string.IsNullOrWhiteSpace(baseUrl.Item1))
        {
            providerOptions.BaseUrl = BaseUrlRules.Parse(baseUrl.Item1, baseUrl.Item2);
        }

        var names = section?.GetSection("Accounts").GetChildren().Select(account => account.Key).ToList() ?? [];
        if (!names.Contains(BalanceAccount.DefaultName, StringComparer.OrdinalIgnoreCase))
        {
            names.Insert(0, BalanceAccount.DefaultName);
        }

        foreach (var name in names)
        {
            var accountSection = section?.GetSection($"Accounts:{name}");
            var isDefault = string.Equals(name, BalanceAccount.DefaultName, StringComparison.OrdinalIgnoreCase);
            var values = descriptor.CredentialFields.ToDictionary(field => field.Key, field => Setting(field, isDefault, accountSection, environment), StringComparer.Ordinal);
            if (CreateAccount(descriptor, name, values) is { } account)
            {
                options.Accounts.Add(account);
            }
            else if (!isDefault)
            {
                // A named account exists only in configuration, so declaring one without its credentials is a mistake.
                var first = values[descriptor.CredentialFields[0].Key].Source;
                throw new BalanceConfigurationException($"{first} is not set: {descriptor.Id} needs all of {string.Join(", ", values.Values.Select(v => v.Source))}.");
            }
        }
    }

    // The contract's variable wins for the default account; its name is what messages show unless configuration set the value.
    private static (string? Value, string Source) Setting(CredentialField field, bool isDefault, IConfigurationSection? accountSection, IReadOnlyDictionary<string, string?> environment)
    {
        if (isDefault && NonEmpty(environment, field.EnvironmentVariable) is { } value)
        {
            return (value, field.EnvironmentVariable);
        }

        var configured = accountSection?[field.Key];
        return (configured, isDefault && configured is null ? field.EnvironmentVariable : $"{accountSection?.Path}:{field.Key}");
    }

    // Null when no credential is set at all: the account is not configured. Throws when only some are.
    private static BalanceAccount? CreateAccount(ProviderDescriptor descriptor, string name, Dictionary<string, (string? Value, string Source)> values)
    {
        if (values.Values.All(v => string.IsNullOrWhiteSpace(v.Value)))
        {
            return null;
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in descriptor.CredentialFields)
        {
            var (value, source) = values[field.Key];
            if (string.IsNullOrWhiteSpace(value))
            {
                var all = string.Join(", ", descriptor.CredentialFields.Select(f => values[f.Key].Source));
                throw new BalanceConfigurationException($"{source} is not set: {descriptor.Id} needs all of {all}.");
            }

            var trimmed = value.Trim();
            if (field.AllowedValues is { } allowed)
            {
                trimmed = allowed.FirstOrDefault(v => string.Equals(v, trimmed, StringComparison.OrdinalIgnoreCase))
                    ?? throw new BalanceConfigurationException(
                        $"{source} '{ProviderText.Clean(trimmed)}' is not one of the values {descriptor.DisplayName} accepts (see specs/{descriptor.Id}.yaml).");
            }

            // Never quotes the value: it is a secret.
            var problem = field.ProblemWith(trimmed);
            Require(problem is null, $"{source} {problem}.");
            settings[field.Key] = trimmed;
        }

        var credentials = descriptor.CreateCredentials(settings);
        return new BalanceAccount(descriptor.Id, name, credentials);
    }

    private static TimeSpan ParseTimeSpan(string text, string settingName) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BalanceConfigurationException($"{settingName} is not a time span (hh:mm:ss).");

    private static string? NonEmpty(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new BalanceConfigurationException(message);
        }
    }

    private static Dictionary<string, string?> EnvironmentVariables() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal);
}
