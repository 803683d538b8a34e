using System.Text;
using BalanceClients.Cli;
using BalanceClients.History;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Cli;

/// <summary><c>balances history</c> run in-process on a store of the test's, at a fixed now, and the sample history it reads.</summary>
internal static class HistoryCli
{
    /// <summary>Now, for every run: the end of the sample history.</summary>
    public static readonly DateTimeOffset Now = Readings.Start;

    /// <summary>Runs <c>balances history --store STORE ARGS</c>, with <paramref name="input"/> on standard input.</summary>
    public static Task<CliRun> RunAsync(string store, params string[] args) => RunAsync(store, null, false, args);

    /// <summary>Runs <c>balances history --store STORE ARGS</c>; see the other overload.</summary>
    public static async Task<CliRun> RunAsync(string store, string? input, bool isTerminal, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, new Dictionary<string, string?>(), isTerminal)
        {
            Clock = new ManualTimeProvider(),
            Input = new MemoryStream(Encoding.UTF8.GetBytes(input ?? string.Empty)),
        };
        var exitCode = await BalancesCommand.RunAsync(["history", "--store", store, .. args], console, CancellationToken.None);
        return new CliRun(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    /// <summary>
    /// Two days of readings up to <see cref="Now"/>: Telnyx spending 5 USD every 4 hours with a top-up halfway, a flat Mesh amount
    /// in BTC, a postpaid Lumenfall account without amounts, and accounts whose names need quoting or a spreadsheet's escape.
    /// </summary>
    public static async Task<string> CreateSampleStoreAsync(string file)
    {
        await using var store = await BalanceStore.OpenAsync(file, new BalanceStoreOptions { RawRetention = null });
        await store.ImportAsync(Sample());
        return file;
    }

    public static IEnumerable<StoredReading> Sample()
    {
        var from = Now - TimeSpan.FromHours(44);
        for (var i = 0; i < 12; i++)
        {
            var available = 400m - (5m * i) + (i >= 6 ? 100m : 0m);
            var time = from + TimeSpan.FromHours(4 * i);
            yield return new(time, "telnyx", "default", AmountKinds.AvailableCredit, "USD", available);
            yield return new(time, "telnyx", "default", AmountKinds.Balance, "USD", available - 100.50m);
        }

        for (var i = 0; i < 4; i++)
        {
            yield return new(from + TimeSpan.FromHours(12 * i), "mesh", "alpha", AmountKinds.Cash, "BTC", 0.01234567m);
            yield return new(from + TimeSpan.FromHours(12 * i), "lumenfall", "default", AmountKinds.Available, "USD", null);
        }

        yield return new(Now - TimeSpan.FromHours(30), "undrctrl", "eu, \"main\"", AmountKinds.Balance, "EUR", 12.50m);
        yield return new(Now - TimeSpan.FromHours(6), "undrctrl", "eu, \"main\"", AmountKinds.Balance, "EUR", 10m);
        yield return new(Now - TimeSpan.FromHours(1), "antgst", "=SUM(A1)", AmountKinds.Sms, "USD", -20m);
    }
}
