using System.CommandLine;

namespace BalanceClients.Cli.History;

/// <summary>The options of <c>balances history</c>.</summary>
internal sealed class HistoryOptions
{
    public HistoryOptions()
    {
        Format.AcceptOnlyFromAmong("table", "json", "csv");
        Provider.AcceptOnlyFromAmong([.. ProviderInfo.All.Select(p => p.Id)]);
    }

    public Option<HistoryFormat?> Format { get; } = new("--format")
    {
        Description = "Output format: table (the default on a terminal: per series the latest, lowest and highest amount and a "
            + "sparkline), json (the default otherwise) or csv (time,provider,account,kind,currency,amount, as --import reads it).",
        HelpName = "table|json|csv",
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = $"Only this provider's readings: {string.Join(", ", ProviderInfo.All.Select(p => p.Id))}.",
        HelpName = "ID",
    };

    public Option<string?> Account { get; } = new("--account")
    {
        Description = "Only the readings of accounts of this name (ignoring case).",
        HelpName = "NAME",
    };

    public Option<TimeSpan?> Since { get; } = new("--since")
    {
        Description = $"Only the readings of this last while: {SinceDuration.Form}.",
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (SinceDuration.TryParse(text, out var duration))
            {
                return duration;
            }

            result.AddError($"--since {CliText.Quote(text)}: a duration of more than zero is needed: {SinceDuration.Form}.");
            return null;
        },
    };

    public Option<string?> Import { get; } = new("--import")
    {
        Description = "Read the readings of a CSV file (as --format csv writes it; - for standard input) into the store instead: "
            + "all of them, or, if a line is malformed, none.",
        HelpName = "FILE",
    };

    public StoreOptions Store { get; } = new(recording: false);

    public IEnumerable<Option> All => [Format, Provider, Account, Since, Import, .. Store.All];

    /// <summary>The options that choose what is printed, which <c>--import</c> does not go with.</summary>
    public IEnumerable<Option> Printing => [Format, Provider, Account, Since];
}
