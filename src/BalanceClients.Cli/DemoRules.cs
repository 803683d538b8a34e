using BalanceClients.Configuration;

namespace BalanceClients.Cli;

/// <summary>
/// What <c>--demo</c> refuses and what it ignores: it checks its built-in fake providers and nothing else. Where readings go
/// (<c>BALANCES_STORE</c>) and whom to tell (<c>BALANCES_WEBHOOK_URL</c>, <c>BALANCES_WEBHOOK_SECRET</c>) are not provider
/// settings: the demo takes them.
/// </summary>
internal static class DemoRules
{
    private const string Fakes = "--demo checks only its built-in fake providers";

    /// <summary>Refuses the options that name other accounts or settings.</summary>
    /// <param name="configFile">The <c>--config</c> file, if given.</param>
    /// <param name="accountsFile">The <c>--accounts</c> file, if given.</param>
    /// <exception cref="BalanceConfigurationException"><c>--config</c> or <c>--accounts</c> was given too.</exception>
    public static void RefuseCombinations(string? configFile, string? accountsFile)
    {
        var flag = configFile is not null ? "--config" : accountsFile is not null ? "--accounts" : null;
        if (flag is not null)
        {
            throw new BalanceConfigurationException($"{Fakes}: it cannot be combined with {flag}.");
        }
    }

    /// <summary>The line that says which of the environment's provider settings the demo ignores, if it ignores any.</summary>
    /// <param name="environment">The environment variables.</param>
    /// <returns>The line, or <see langword="null"/> when the environment sets none.</returns>
    public static string? IgnoredSettings(IReadOnlyDictionary<string, string?> environment)
    {
        var ignored = environment
            .Where(pair => !string.IsNullOrEmpty(pair.Value) && IsProviderSetting(pair.Key))
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return ignored.Count == 0 ? null : $"{Fakes}; ignoring {string.Join(", ", ignored)} from the environment.";
    }

    private static bool IsProviderSetting(string variable) =>
        variable.StartsWith("Balances__", StringComparison.OrdinalIgnoreCase)
        || ProviderInfo.All.Any(provider => provider.EnvironmentVariables.Contains(variable, StringComparer.Ordinal)
            || variable == $"{provider.Id.ToUpperInvariant()}_BASE_URL");
}
