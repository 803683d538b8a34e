using System.Globalization;
using BalanceClients.History;
using Spectre.Console;

namespace BalanceClients.Cli.Output;

/// <summary>
/// A table for people: one row per amount, grouped by provider and account, amounts right-aligned with their currency; amounts
/// below a threshold and failures stand out; each known runway, then each failure's message, follows the table.
/// </summary>
/// <param name="console">Where the table goes.</param>
/// <param name="thresholds">The thresholds, for the level of each amount.</param>
internal sealed class TableReport(IAnsiConsole console, BalanceThresholds thresholds) : IReport
{
    private static readonly Style Critical = new(Color.Red, decoration: Decoration.Bold);
    private static readonly Style Warning = new(Color.Yellow, decoration: Decoration.Bold);
    private static readonly Style Unknown = new(Color.Yellow);
    private readonly List<string> _notes = [];
    private readonly List<string> _runways = [];
    private bool _hasAmounts;
    private readonly Table _table = new Table()
        .Border(console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii)
        .AddColumn(new TableColumn("Provider").NoWrap())
        .AddColumn(new TableColumn("Account").NoWrap())
        .AddColumn(new TableColumn("Kind").NoWrap())
        .AddColumn(new TableColumn("Amount").RightAligned().NoWrap())
        .AddColumn(new TableColumn("Status").NoWrap());

    public Task AddAsync(BalanceCheckResult result, BalanceRunway? runway, CancellationToken cancellationToken)
    {
        if (runway is not null)
        {
            _runways.Add($"{result.Provider}/{result.Account} {runway}");
        }

        var account = result.Balance?.BillingType is { } billing ? $"{result.Account} ({billing})" : result.Account;
        if (!result.IsSuccess)
        {
            var error = result.Error;
            var status = $"FAILED {error.Kind.ToContractName()}" + (error.HttpStatus is { } code ? $" (HTTP {code})" : string.Empty);
            _table.AddRow(new Text(result.Provider), new Text(account), new Text("-"), new Text(string.Empty), new Text(status, Critical));
            _notes.Add($"{result.Provider}/{result.Account}: {error.Message}");
            return Task.CompletedTask;
        }

        var first = true;
        var worstRow = BalanceLevel.Ok;
        foreach (var amount in result.Balance.Amounts)
        {
            var level = thresholds.LevelOf(result.Provider, result.Account, amount);
            worstRow = worstRow.Worst(level);
            var (status, style) = Status(level);
            var value = amount.Amount?.ToString(CultureInfo.InvariantCulture) ?? "n/a";
            _table.AddRow(
                new Text(first ? result.Provider : string.Empty),
                new Text(first ? account : string.Empty),
                new Text(amount.IsPrimary ? amount.Kind + " *" : amount.Kind),
                new Text($"{value} {amount.Currency}", style),
                new Text(status, style));
            first = false;
            _hasAmounts = true;
        }

        if (result.Level == BalanceLevel.Unknown && worstRow != BalanceLevel.Unknown)
        {
            _notes.Add($"{result.Provider}/{result.Account}: unknown: a threshold's kind of amount is not in the answer.");
        }

        return Task.CompletedTask;
    }

    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        console.Write(_table);
        if (_hasAmounts)
        {
            console.Write(new Text("* primary amount\n", new Style(decoration: Decoration.Dim)));
        }

        foreach (var runway in _runways)
        {
            console.Write(new Text(runway + "\n"));
        }

        foreach (var note in _notes)
        {
            console.Write(new Text(note + "\n", Critical));
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static (string Status, Style Style) Status(BalanceLevel level) => level switch
    {
        BalanceLevel.Critical => ("LOW", Critical),
        BalanceLevel.Warning => ("WARNING", Warning),
        BalanceLevel.Unknown => ("UNKNOWN", Unknown),
        _ => ("ok", Style.Plain),
    };
}
