using System.CommandLine;
using BalanceClients.Cli.Output;

namespace BalanceClients.Cli;

/// <summary>The options of <c>balances check</c>, as the contract names them.</summary>
internal sealed class CheckOptions
{
    public CheckOptions()
    {
        Format.AcceptOnlyFromAmong("table", "json", "prometheus");
        Provider.AcceptOnlyFromAmong([.. ProviderInfo.All.Select(p => p.Id)]);
    }

    public Option<OutputFormat?> Format { get; } = new("--format")
    {
        Description = "Output format: table (the default on a terminal), json (the default otherwise) "
            + "or prometheus (text exposition format).",
        HelpName = "table|json|prometheus",
    };

    public Option<string[]> Provider { get; } = new("--provider")
    {
        Description = $"Check only this provider (repeatable): {string.Join(", ", ProviderInfo.All.Select(p => p.Id))}.",
        HelpName = "ID",
    };

    public ThresholdOptions Thresholds { get; } = new(("exit 0", "exit 2"));

    public Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = "The whole check's deadline, in seconds; a provider still running then is reported as a timeout. "
            + "Default: Balances:Timeout from configuration, else 30.",
        HelpName = "SECONDS",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (CheckTimeout.TryParse(text, out var timeout, out var error))
            {
                return timeout;
            }

            result.AddError($"--timeout {CliText.Quote(text)}: {error}");
            return null;
        },
    };

    public Option<bool> Demo { get; } = new("--demo")
    {
        Description = "Check built-in fake providers on 127.0.0.1 with demo credentials; needs no network and no configuration.",
    };

    public Option<string?> Accounts { get; } = new("--accounts")
    {
        Description = "Check the accounts of a JSON Lines file, one {\"provider\", \"name\", \"credentials\"} object per line, "
            + "streaming the results (json becomes JSON Lines).",
        HelpName = "FILE",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Read settings from a JSON file too (a \"Balances\" section: providers, accounts, resilience).",
        HelpName = "FILE",
    };

    public Option<bool> Record { get; } = new("--record")
    {
        Description = "Record the balances read in the store of readings (see --store), as balances serve does.",
    };

    public StoreOptions Store { get; } = new(recording: true);

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log requests, retries and failures to standard error." };

    public IEnumerable<Option> All => [Format, Provider, .. Thresholds.All, Timeout, Demo, Accounts, Config, Record, .. Store.All, Verbose];
}
