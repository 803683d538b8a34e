using System.CommandLine;
using BalanceClients.Cli.History;
using BalanceClients.Cli.Output;
using BalanceClients.Cli.Serve;

namespace BalanceClients.Cli;

/// <summary>The command line: <c>balances check</c>, <c>serve</c> and <c>history</c>, and their options.</summary>
internal static class BalancesCommand
{
    // Every command takes it: a root option that is recursive.
    private static readonly Option<LogFormat> LogFormatOption = new("--log-format")
    {
        Description = "How log lines are written on standard error: text (the default) or json (one JSON object per line). "
            + "The tool's own error messages stay plain text.",
        HelpName = "text|json",
        Recursive = true,
        DefaultValueFactory = _ => LogFormat.Text,
    };

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where the tool reads and writes.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit status.</returns>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var exitCode = await ParseAndInvokeAsync(args, console, cancellationToken).ConfigureAwait(false);
            // A command that ended on its own, serve stopped by its token included, keeps its status: the flush is not cancelled.
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            return exitCode;
        }
        catch (OutputFailedException exception)
        {
            // Leaving the check's stream of results has already cancelled the checks still running.
            await console.Error.WriteLineAsync($"balances: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }
#pragma warning disable CA1031 // A bug: reported as System.CommandLine's own handler did, with its stack trace, and exit 1.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await console.Error.WriteLineAsync($"balances: unexpected error: {exception}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> ParseAndInvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = Create(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await console.Error.WriteLineAsync($"balances: {CliText.OneLine(parseError.Message)}").ConfigureAwait(false);
            }

            var command = parsed.CommandResult.Command is RootCommand ? "balances" : $"balances {parsed.CommandResult.Command.Name}";
            await console.Error.WriteLineAsync($"Run '{command} --help' for the options.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Without System.CommandLine's handler, a failure of standard output reaches RunAsync instead of becoming a stack trace.
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (parsed.CommandResult.Command.Name == "serve")
        {
            // serve's host stops itself on SIGTERM and SIGINT, cleanly and with exit 0; System.CommandLine's own handling would not wait.
            configuration.ProcessTerminationTimeout = null;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand(
            "balances: how much money is left on your UNDRCTRL, Antgst, Telnyx, Lumenfall and Mesh Connect accounts.\n"
            + "Exit status: 0 all answered and none low, 1 an account failed, 2 none failed but one is low, "
            + "64 bad arguments or configuration, 130 interrupted.")
        {
            CreateCheckCommand(console),
            CreateServeCommand(console),
            CreateHistoryCommand(console),
        };
        root.Options.Add(LogFormatOption);
        root.SetAction(async (_, _) =>
        {
            await console.Error.WriteLineAsync(
                "balances: a command is needed. Run 'balances check --demo' to try it, 'balances --help' for help.").ConfigureAwait(false);
            return ExitCodes.Usage;
        });
        return root;
    }

    private static Command CreateCheckCommand(CliConsole console)
    {
        var options = new CheckOptions();
        var check = new Command("check", "Query every configured provider account concurrently and report its balance.");
        foreach (var option in options.All)
        {
            check.Options.Add(option);
        }

        check.SetAction(async (result, cancellationToken) =>
        {
            if (!options.Thresholds.TryRead(result, out var thresholds, out var error))
            {
                await console.Error.WriteLineAsync($"balances: {error}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var demo = result.GetValue(options.Demo);
            var record = result.GetValue(options.Record);
            if (!options.Store.TryRead(result, console.Environment, out var store, out error, demo, optional: !record)
                || !CheckHistory.CanRecord(record, store, demo, out error))
            {
                await console.Error.WriteLineAsync($"balances: {error}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var settings = new CheckSettings(
                result.GetValue(options.Format) ?? (console.IsTerminal ? OutputFormat.Table : OutputFormat.Json),
                [.. (result.GetValue(options.Provider) ?? []).Distinct(StringComparer.Ordinal)],
                thresholds,
                result.GetValue(options.Timeout),
                demo,
                result.GetValue(options.Accounts),
                result.GetValue(options.Config),
                store,
                record,
                result.GetValue(options.Verbose),
                result.GetValue(LogFormatOption));
            return await new CheckRunner(console, settings).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return check;
    }

    private static Command CreateServeCommand(CliConsole console)
    {
        var options = new ServeOptions();
        var serve = new Command(
            "serve",
            "Monitor every configured account on a schedule and serve the readings: /metrics (Prometheus), /api/v1/balances (JSON), "
            + "/healthz, /readyz and /health. Stops cleanly on SIGTERM or SIGINT.");
        foreach (var option in options.All)
        {
            serve.Options.Add(option);
        }

        serve.SetAction(async (result, cancellationToken) =>
        {
            if (!options.Thresholds.TryRead(result, out var thresholds, out var error))
            {
                await console.Error.WriteLineAsync($"balances: {error}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var demo = result.GetValue(options.Demo);
            if (!options.Store.TryRead(result, console.Environment, out var store, out error, demo))
            {
                await console.Error.WriteLineAsync($"balances: {error}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var settings = new ServeSettings(
                result.GetValue(options.Listen)!,
                result.GetValue(options.Interval),
                thresholds,
                demo,
                result.GetValue(options.Config),
                store,
                result.GetValue(options.Verbose),
                result.GetValue(LogFormatOption),
                result.GetValue(options.TlsCertificate),
                result.GetValue(options.TlsKey),
                result.GetValue(options.TokenFile));
            return await new ServeRunner(console, settings).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return serve;
    }

    private static Command CreateHistoryCommand(CliConsole console)
    {
        var options = new HistoryOptions();
        var history = new Command(
            "history",
            "Print the recorded readings (a table with a trend per series, JSON or CSV), or --import a CSV of readings into the store.");
        foreach (var option in options.All)
        {
            history.Options.Add(option);
        }

        history.Validators.Add(result =>
        {
            if (result.GetResult(options.Import) is not null
                && options.Printing.FirstOrDefault(option => result.GetResult(option) is not null) is { } printing)
            {
                result.AddError($"--import cannot be combined with {printing.Name}: it reads a whole file into the store.");
            }
        });
        history.SetAction(async (result, cancellationToken) =>
        {
            if (!options.Store.TryRead(result, console.Environment, out var store, out var error))
            {
                await console.Error.WriteLineAsync($"balances: {error}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var settings = new HistorySettings(
                store!,
                result.GetValue(options.Format) ?? (console.IsTerminal ? HistoryFormat.Table : HistoryFormat.Json),
                result.GetValue(options.Provider),
                result.GetValue(options.Account),
                result.GetValue(options.Since),
                result.GetValue(options.Import));
            return await new HistoryRunner(console, settings).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return history;
    }
}
