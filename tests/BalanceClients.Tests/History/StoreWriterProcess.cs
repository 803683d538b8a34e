using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BalanceClients.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

/// <summary>
/// A running <c>tests/BalanceClients.StoreWriter</c>: a child process that records one four-amount Telnyx result per transaction
/// into a store and prints <c>committed i.</c> after each commit. Disposing it kills it (if still running) and waits for it.
/// </summary>
internal sealed partial class StoreWriterProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<int> _committed = [];
    private readonly Task _output;
    private readonly Task<string> _errors;

    private StoreWriterProcess(Process process)
    {
        _process = process;
        _output = ReadAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The indexes of the results the writer acknowledged as committed so far.</summary>
    public IReadOnlyList<int> Committed
    {
        get
        {
            lock (_committed)
            {
                return [.. _committed];
            }
        }
    }

    /// <summary>The amounts of result <paramref name="index"/>, as the writer records them, by kind.</summary>
    public static IEnumerable<(string Kind, decimal Amount)> AmountsOf(int index) =>
    [
        (AmountKinds.Balance, index + 0.25m),
        (AmountKinds.Pending, index + 0.50m),
        (AmountKinds.CreditLimit, index + 0.75m),
        (AmountKinds.AvailableCredit, index),
    ];

    /// <summary>
    /// Starts a writer recording result i at <paramref name="first"/> + i seconds, <paramref name="count"/> of them or until killed.
    /// </summary>
    public static StoreWriterProcess Start(string store, string account, DateTimeOffset first, int? count = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add(store);
        start.ArgumentList.Add(account);
        start.ArgumentList.Add(first.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        if (count is not null)
        {
            start.ArgumentList.Add(count.Value.ToString(CultureInfo.InvariantCulture));
        }

        return new StoreWriterProcess(Process.Start(start)!);
    }

    /// <summary>Kills the writer (SIGKILL) and waits until it is gone and its output read to the end.</summary>
    public async Task KillAsync()
    {
        await _process.KillTreeAsync("the store writer");
        await _output.WithinLimit("the killed store writer's output to end");
    }

    /// <summary>Waits for the writer to finish on its own; fails, with its standard error, if it does not exit with 0.</summary>
    public async Task WaitForSuccessAsync()
    {
        await _process.WaitForExitOrKillAsync(Bounded.Limit, "the store writer");
        await _output.WithinLimit("the store writer's output to end");
        Assert.True(_process.ExitCode == 0, $"The store writer exited with {_process.ExitCode}: {await _errors}");
    }

    /// <summary>Checks that the store holds every result the writer acknowledged, each with its four amounts.</summary>
    public async Task AssertAcknowledgedStoredAsync(BalanceStore store, string account, DateTimeOffset first)
    {
        var stored = (await store.ReadAsync("telnyx", account).ToListAsync()).Select(r => (r.Time, r.Kind, r.Amount)).ToHashSet();
        foreach (var index in Committed)
        {
            foreach (var (kind, amount) in AmountsOf(index))
            {
                Assert.True(
                    stored.Contains((first.AddSeconds(index), kind, amount)),
                    $"{account}: the acknowledged result {index} ({kind}) is missing.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.KillTreeAsync("the store writer");
        }

        _process.Dispose();
    }

    private static string Dll
    {
        get
        {
            // The writer is built beside the tests, in the same configuration: tests/BalanceClients.Tests/bin/<configuration>/<tfm>/.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(
                RepoPaths.Root,
                "tests",
                "BalanceClients.StoreWriter",
                "bin",
                output.Parent!.Name,
                output.Name,
                "BalanceClients.StoreWriter.dll");
        }
    }

    // A line is counted only whole: one cut short by the kill does not end with its full stop.
    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (CommittedLine().Match(line) is { Success: true } match)
            {
                lock (_committed)
                {
                    _committed.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                }
            }
        }
    }

    [GeneratedRegex(@"^committed (\d+)\.$")]
    private static partial Regex CommittedLine();
}
