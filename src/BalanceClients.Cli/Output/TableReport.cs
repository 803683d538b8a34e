using System.Globalization;
using Spectre.Console;

namespace BalanceClients.Cli.Output;

/// <summary>A table for people: one row per amount, grouped by provider and account; low amounts and failures stand out.</summary>
internal sealed class TableReport(IAnsiConsole console) : IReport
{
    private static readonly Style Low = new(Color.Yellow, decoration: Decoration.Bold);
    private static readonly Style Failed = new(Color.Red, decoration: Decoration.Bold);
    private readonly Table _table = new Table()
        .Border(console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii)
        .AddColumn("Provider")
        .AddColumn("Account")
        .AddColumn("Kind")
        .AddColumn(new TableColumn("Amount").RightAligned())
        .AddColumn("Currency")
        .AddColumn("Status");

    public Task AddAsync(ReportedResult result, CancellationToken cancellationToken)
    {
        var check = result.Result;
        var account = check.Balance?.BillingType is { } billing ? $"{check.Account} ({billing})" : check.Account;
        if (!check.IsSuccess)
        {
            var error = check.Error;
            var status = $"FAILED {error.Kind.ToContractName()}" + (error.HttpStatus is { } code ? $" (HTTP {code})" : string.Empty) + $": {error.Message}";
            _table.AddRow(new Text(check.Provider), new Text(account), new Text("-"), new Text(string.Empty), new Text(string.Empty), new Text(status, Failed));
            return Task.CompletedTask;
        }

        var first = true;
        foreach (var amount in check.Balance.Amounts)
        {
            var isLow = result.LowAmounts.Contains(amount);
            var style = isLow ? Low : Style.Plain;
            _table.AddRow(
                new Text(first ? check.Provider : string.Empty),
                new Text(first ? account : string.Empty),
                new Text(amount.IsPrimary ? amount.Kind + " *" : amount.Kind),
                new Text(amount.Amount?.ToString(CultureInfo.InvariantCulture) ?? "n/a", style),
                new Text(amount.Currency),
                new Text(isLow ? "LOW" : "ok", style));
            first = false;
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }

    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        console.Write(_table);
        console.MarkupLine("[dim]* primary amount[/]");
        return Task.CompletedTask;
    }
}
