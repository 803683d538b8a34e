using System.Globalization;
using Spectre.Console;

namespace BalanceClients.Cli.Output;

/// <summary>
/// A table for people: one row per amount, grouped by provider and account, amounts right-aligned with their currency;
/// low amounts and failures stand out, and each failure's message follows the table.
/// </summary>
internal sealed class TableReport(IAnsiConsole console) : IReport
{
    private static readonly Style Low = new(Color.Yellow, decoration: Decoration.Bold);
    private static readonly Style Failed = new(Color.Red, decoration: Decoration.Bold);
    private readonly List<BalanceCheckResult> _failures = [];
    private bool _hasAmounts;
    private readonly Table _table = new Table()
        .Border(console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii)
        .AddColumn(new TableColumn("Provider").NoWrap())
        .AddColumn(new TableColumn("Account").NoWrap())
        .AddColumn(new TableColumn("Kind").NoWrap())
        .AddColumn(new TableColumn("Amount").RightAligned().NoWrap())
        .AddColumn(new TableColumn("Status").NoWrap());

    public Task AddAsync(ReportedResult result, CancellationToken cancellationToken)
    {
        var check = result.Result;
        var account = check.Balance?.BillingType is { } billing ? $"{check.Account} ({billing})" : check.Account;
        if (!check.IsSuccess)
        {
            var error = check.Error;
            var status = $"FAILED {error.Kind.ToContractName()}" + (error.HttpStatus is { } code ? $" (HTTP {code})" : string.Empty);
            _table.AddRow(new Text(check.Provider), new Text(account), new Text("-"), new Text(string.Empty), new Text(status, Failed));
            _failures.Add(check);
            return Task.CompletedTask;
        }

        var first = true;
        foreach (var amount in check.Balance.Amounts)
        {
            var style = result.LowAmounts.Contains(amount) ? Low : Style.Plain;
            var value = amount.Amount?.ToString(CultureInfo.InvariantCulture) ?? "n/a";
            _table.AddRow(
                new Text(first ? check.Provider : string.Empty),
                new Text(first ? account : string.Empty),
                new Text(amount.IsPrimary ? amount.Kind + " *" : amount.Kind),
                new Text($"{value} {amount.Currency}", style),
                new Text(ReferenceEquals(style, Low) ? "LOW" : "ok", style));
            first = false;
            _hasAmounts = true;
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

        foreach (var failure in _failures)
        {
            console.Write(new Text($"{failure.Provider}/{failure.Account}: {failure.Error!.Message}\n", Failed));
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
