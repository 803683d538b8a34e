using BalanceClients.Cli.Inputs;
using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BalanceClients.Cli;

/// <summary>
/// The configuration every command reads, as a host would: <c>--config FILE</c>, the <c>Balances__</c> variables and the
/// contract's variables; or, with <c>--demo</c>, only the built-in fake providers.
/// </summary>
internal static class CliConfiguration
{
    /// <summary>The message of a run with no account to check.</summary>
    public static string NoAccounts =>
        $"no provider is configured: set {string.Join(", ", ProviderInfo.All.SelectMany(p => p.EnvironmentVariables.Take(1)))} "
        + "(Mesh needs all four MESH_* variables), or run with --demo.";

    /// <summary>
    /// The one-line message of a configuration mistake (a store of readings that cannot be used counts as one), or
    /// <see langword="null"/> when the exception is not one.
    /// </summary>
    /// <param name="exception">What a command caught.</param>
    /// <returns>The message, for exit status 64.</returns>
    public static string? MistakeIn(Exception exception) => exception switch
    {
        BalanceConfigurationException mistake => mistake.Message,
        OptionsValidationException invalid => invalid.Failures.First(),
        BalanceStoreException store => CliText.OneLine(store.Message),
        _ => null,
    };

    /// <summary>Starts the demo's fake providers, after refusing what cannot go with them and saying what they ignore.</summary>
    /// <param name="console">The console, for the line about ignored settings.</param>
    /// <param name="configFile">The <c>--config</c> file, if given.</param>
    /// <param name="accountsFile">The <c>--accounts</c> file, if given.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running fakes.</returns>
    /// <exception cref="BalanceClients.Configuration.BalanceConfigurationException">A file was given with <c>--demo</c>.</exception>
    public static async Task<FakeProviderServer> StartDemoAsync(
        CliConsole console, string? configFile, string? accountsFile, CancellationToken cancellationToken)
    {
        DemoRules.RefuseCombinations(configFile, accountsFile);
        if (DemoRules.IgnoredSettings(console.Environment) is { } ignored)
        {
            await console.Error.WriteLineAsync($"balances: {ignored}").ConfigureAwait(false);
        }

        return await FakeProviderServer.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the configuration.</summary>
    /// <param name="console">The console, for its environment.</param>
    /// <param name="configFile">The <c>--config</c> file, if given.</param>
    /// <param name="demo">The demo's fake providers, if running: then they are all there is.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="BalanceClients.Configuration.BalanceConfigurationException">
    /// The file cannot be read or is not a JSON object.
    /// </exception>
    public static async Task<IConfigurationRoot> ReadAsync(
        CliConsole console, string? configFile, FakeProviderServer? demo, CancellationToken cancellationToken)
    {
        var builder = new ConfigurationBuilder();
        if (demo is not null)
        {
            var environment = new Dictionary<string, string?>(demo.Environment, StringComparer.Ordinal);
            foreach (var variable in new[] { ConfigurationKeys.WebhookUrlVariable, ConfigurationKeys.WebhookSecretVariable })
            {
                if (console.Environment.GetValueOrDefault(variable) is { Length: > 0 } value)
                {
                    environment[variable] = value;
                }
            }

            return builder.AddBalanceEnvironmentVariables(environment).Build();
        }

        if (configFile is not null)
        {
            builder.AddConfiguration(await ConfigFile.ReadAsync(configFile, cancellationToken).ConfigureAwait(false));
        }

        // The same mapping as AddEnvironmentVariables(): Balances__Providers__mesh__BaseUrl is Balances:Providers:mesh:BaseUrl.
        builder.AddInMemoryCollection(console.Environment
            .Where(pair => pair.Key.StartsWith("Balances__", StringComparison.OrdinalIgnoreCase))
            .Select(pair => new KeyValuePair<string, string?>(pair.Key.Replace("__", ":", StringComparison.Ordinal), pair.Value)));
        return builder.AddBalanceEnvironmentVariables(console.Environment).Build();
    }
}
