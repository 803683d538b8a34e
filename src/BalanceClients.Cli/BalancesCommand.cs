using System.CommandLine;
using System.Globalization;

namespace BalanceClients.Cli;

/// <summary>The command line: <c>balances check</c> and its options.</summary>
internal static class BalancesCommand
{
    private static readonly string ProviderList = string.Join(", ", ProviderInfo.All.Select(p => p.Id));

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where the tool reads and writes.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit status.</returns>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = Create(console);
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync($"balances: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'balances check --help' for the options.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Create(CliConsole console)
    {
        var format = new Option<string>("--format")
        {
            Description = "Output format: table (the default on a terminal), json (the default otherwise) or prometheus (text exposition format).",
            HelpName = "table|json|prometheus",
        };
        format.AcceptOnlyFromAmong("table", "json", "prometheus");

        var provider = new Option<string[]>("--provider")
        {
            Description = $"Check only this provider (repeatable): {ProviderList}.",
            HelpName = "ID",
        };
        provider.AcceptOnlyFromAmong([.. ProviderInfo.All.Select(p => p.Id)]);

        var min = new Option<string[]>("--min")
        {
            Description = "Report a balance below AMOUNT as low (repeatable): ID=AMOUNT for the provider's primary amount, ID.KIND=AMOUNT for one kind.",
            HelpName = "ID[.KIND]=AMOUNT",
        };

        var timeout = new Option<double>("--timeout")
        {
            Description = "The whole check's deadline, in seconds; a provider still running then is reported as a timeout.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 30,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= int.MaxValue / 1000)
                {
                    return seconds;
                }

                result.AddError($"--timeout '{text}': a positive number of seconds is needed.");
                return 0;
            },
        };

        var demo = new Option<bool>("--demo") { Description = "Check built-in fake providers on 127.0.0.1 with demo credentials; needs no network and no configuration." };
        var accounts = new Option<string?>("--accounts")
        {
            Description = "Check the accounts of a JSON Lines file, one {\"provider\", \"name\", \"credentials\"} object per line, streaming the results (json becomes JSON Lines).",
            HelpName = "FILE",
        };
        var config = new Option<string?>("--config") { Description = "Read settings from a JSON file too (a \"Balances\" section: providers, accounts, resilience).", HelpName = "FILE" };
        var verbose = new Option<bool>("--verbose") { Description = "Log requests, retries and failures to standard error." };

        var check = new Command("check", "Query every configured provider account concurrently and report its balance.")
        {
            format, provider, min, timeout, demo, accounts, config, verbose,
        };
        check.SetAction(async (result, cancellationToken) =>
        {
            var thresholds = new List<Threshold>();
            foreach (var text in result.GetValue(min) ?? [])
            {
                if (!Threshold.TryParse(text, out var threshold, out var error))
                {
                    await console.Error.WriteLineAsync($"balances: {error}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                thresholds.Add(threshold);
            }

            var settings = new CheckSettings(
                result.GetValue(format) ?? (console.IsTerminal ? "table" : "json"),
                [.. (result.GetValue(provider) ?? []).Distinct(StringComparer.Ordinal)],
                thresholds,
                TimeSpan.FromSeconds(result.GetValue(timeout)),
                result.GetValue(demo),
                result.GetValue(accounts),
                result.GetValue(config),
                result.GetValue(verbose));
            return await new CheckRunner(console, settings).RunAsync(cancellationToken).ConfigureAwait(false);
        });

        var root = new RootCommand(
            "balances: how much money is left on your UNDRCTRL, Antgst, Telnyx, Lumenfall and Mesh Connect accounts.\n"
            + "Exit status: 0 all answered and none low, 1 an account failed, 2 none failed but one is low, 64 bad arguments or configuration.")
        {
            check,
        };
        root.SetAction(async (_, _) =>
        {
            await console.Error.WriteLineAsync("balances: a command is needed. Run 'balances check --demo' to try it, 'balances --help' for help.").ConfigureAwait(false);
            return ExitCodes.Usage;
        });
        return root;
    }
}
