using BalanceClients.Cli.Inputs;
using BalanceClients.Cli.Output;
using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace BalanceClients.Cli;

/// <summary>Runs one <c>balances check</c>: configuration, the check itself, the report and the exit status.</summary>
internal sealed class CheckRunner(CliConsole console, CheckSettings settings)
{
    /// <summary>Runs the check.</summary>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The exit status.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        FakeProviderServer? demo = null;
        try
        {
            if (settings.Demo)
            {
                demo = await CliConfiguration.StartDemoAsync(console, settings.ConfigFile, settings.AccountsFile, cancellationToken)
                    .ConfigureAwait(false);
            }

            var configuration = await CliConfiguration.ReadAsync(console, settings.ConfigFile, demo, cancellationToken)
                .ConfigureAwait(false);
            var file = settings.AccountsFile is { } path
                ? await ReadAccountsAsync(path, cancellationToken).ConfigureAwait(false)
                : null;
            var services = CreateServices(configuration);
            await using (services.ConfigureAwait(false))
            {
                var checker = services.GetRequiredService<IBalanceChecker>();
                var accounts = file is null ? SelectAccounts(checker.Accounts) : [];
                var history = await CheckHistory.OpenAsync(settings.Store, settings.Record, console.Clock, cancellationToken)
                    .ConfigureAwait(false);
                await using (history.ConfigureAwait(false))
                {
                    return file is not null
                        ? await RunBatchAsync(checker, file, history, cancellationToken).ConfigureAwait(false)
                        : await RunConfiguredAsync(checker, accounts, history, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (CliConfiguration.MistakeIn(exception) is { } mistake)
        {
            await console.Error.WriteLineAsync($"balances: {mistake}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        finally
        {
            if (demo is not null)
            {
                await demo.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<AccountsFile> ReadAccountsAsync(string path, CancellationToken cancellationToken)
    {
        var file = await AccountsFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (settings.Providers.FirstOrDefault(id => !file.Providers.Contains(id)) is { } missing)
        {
            throw new BalanceConfigurationException($"--provider {missing}: --accounts {CliText.Quote(path)} has no {missing} account.");
        }

        return file;
    }

    private List<BalanceAccount> SelectAccounts(IReadOnlyList<BalanceAccount> configured)
    {
        foreach (var id in settings.Providers)
        {
            if (!configured.Any(account => account.Provider == id))
            {
                var variables = string.Join(", ", ProviderInfo.Find(id)!.EnvironmentVariables);
                throw new BalanceConfigurationException($"--provider {id}: {id} is not configured (set {variables}).");
            }
        }

        var selected = configured
            .Where(account => settings.Providers.Count == 0 || settings.Providers.Contains(account.Provider, StringComparer.Ordinal))
            .ToList();
        if (selected.Count == 0)
        {
            throw new BalanceConfigurationException(CliConfiguration.NoAccounts);
        }

        return selected;
    }

    private ServiceProvider CreateServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            // Polly's standard telemetry logs every failed attempt with its exception's stack; BalanceClients.Http says it in one line.
            logging.SetMinimumLevel(settings.Verbose ? LogLevel.Information : LogLevel.None).AddFilter("Polly", LogLevel.None);
            if (settings.Verbose)
            {
                LogLineFormatter.AddTo(logging, settings.LogFormat);
            }
        });
        services.AddSingleton(console.Clock);
        services.AddBalanceClients(configuration);
        services.Configure<BalanceCheckerOptions>(options =>
        {
            options.Timeout = settings.Timeout ?? options.Timeout;
            foreach (var threshold in settings.Thresholds)
            {
                options.Thresholds.Add(threshold);
            }
        });

        return services.BuildServiceProvider();
    }

    private async Task<int> RunConfiguredAsync(
        IBalanceChecker checker, List<BalanceAccount> accounts, CheckHistory history, CancellationToken cancellationToken)
    {
        var results = new List<BalanceCheckResult>(accounts.Count);
        var stream = checker.CheckManyAsync(accounts.ToAsyncEnumerable(), null, cancellationToken);
        var ansi = CreateAnsiConsole();
        if (settings.Format == OutputFormat.Table && console.UseColor)
        {
            await ansi.Status().Spinner(Spinner.Known.Dots).StartAsync("Checking...", async context =>
            {
                var pending = accounts.Select(a => a.ToString()).ToList();
                context.Status($"Checking {string.Join(", ", pending)}");
                await foreach (var result in stream.ConfigureAwait(false))
                {
                    results.Add(result);
                    pending.Remove($"{result.Provider}/{result.Account}");
                    context.Status($"Checking {string.Join(", ", pending)}");
                }
            }).ConfigureAwait(false);
        }
        else
        {
            await foreach (var result in stream.ConfigureAwait(false))
            {
                results.Add(result);
            }
        }

        results.Sort(BalanceCheckResult.ContractOrder);
        var runways = await history.RecordAsync(results, cancellationToken).ConfigureAwait(false);
        var report = CreateReport(ansi, checker, streaming: false);
        await using (report.ConfigureAwait(false))
        {
            for (var i = 0; i < results.Count; i++)
            {
                await report.AddAsync(results[i], runways[i], cancellationToken).ConfigureAwait(false);
            }

            await report.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Of(results);
    }

    private async Task<int> RunBatchAsync(
        IBalanceChecker checker, AccountsFile file, CheckHistory history, CancellationToken cancellationToken)
    {
        var accounts = file.Accounts
            .Where(account => settings.Providers.Count == 0 || settings.Providers.Contains(account.Provider, StringComparer.Ordinal))
            .ToAsyncEnumerable();
        var failed = false;
        var low = false;
        var report = CreateReport(CreateAnsiConsole(), checker, streaming: true);
        await using (report.ConfigureAwait(false))
        {
            await foreach (var result in checker.CheckManyAsync(accounts, null, cancellationToken).ConfigureAwait(false))
            {
                failed |= !result.IsSuccess;
                low |= result.IsLow;
                var runway = await history.RecordAsync([result], cancellationToken).ConfigureAwait(false);
                await report.AddAsync(result, runway[0], cancellationToken).ConfigureAwait(false);
            }

            await report.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return failed ? ExitCodes.Failed : low ? ExitCodes.Low : ExitCodes.Ok;
    }

    private IReport CreateReport(IAnsiConsole ansi, IBalanceChecker checker, bool streaming) => settings.Format switch
    {
        OutputFormat.Json when streaming => new JsonLinesReport(console.Output),
        OutputFormat.Json => new JsonReport(console.Output),
        OutputFormat.Prometheus => new PrometheusReport(console.Out),
        _ => new TableReport(ansi, checker.Thresholds),
    };

    private IAnsiConsole CreateAnsiConsole()
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = console.UseColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.UseColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = console.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(console.Out),
        });
        if (!console.IsTerminal)
        {
            ansi.Profile.Width = 200;
            ansi.Profile.Capabilities.Unicode = false;
        }

        return ansi;
    }
}
