using BalanceClients.History;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <summary><c>balances serve</c>, as a process, when its store's file is deleted under it.</summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class ServeStoreProcessTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoVariables = [];
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_StoreDeletedWhileServing_SaysSoInOneLineAndRecordsInANewStore()
    {
        var store = _folder.File();
        await using var serve = await WatchedServe.StartAsync(
            NoVariables, "--demo", "--listen", "127.0.0.1:0", "--interval", "10", "--store", store);
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
        await Bounded.UntilAsync(
            async deadline =>
            {
                using var ready = await http.GetAsync("/readyz", deadline);
                return ready.IsSuccessStatusCode;
            },
            "balances serve to be ready");

        foreach (var file in Directory.GetFiles(_folder.Path))
        {
            File.Delete(file);
        }

        var deleted = DateTimeOffset.UtcNow;
        await Bounded.UntilAsync(
            _ => Task.FromResult(serve.Output.Contains("was deleted while it was open", StringComparison.Ordinal)),
            "the line that says the store was deleted");
        // The line comes as the new store is made, before the reading that made it is recorded there.
        await Bounded.UntilAsync(HasAReadingAsync, "a reading in the new store");
        using var health = await http.GetAsync("/health");
        await serve.SignalAsync("TERM");
        Assert.Equal(0, await serve.WaitForExitAsync(TimeSpan.FromSeconds(5)));

        var history = await CliRun.ProcessAsync(NoVariables, "history", "--store", store, "--format", "csv");
        Assert.Equal(0, history.ExitCode);
        var times = history.Out.TrimEnd('\n').Split('\n').Skip(1)
            .Select(row => DateTimeOffset.Parse(row.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.NotEmpty(times);
        Assert.All(times, time => Assert.True(time >= deleted.AddSeconds(-1), $"{time:O}, before the deletion, is in the new store"));
        Assert.Equal(
            $"warn: BalanceClients.History.BalanceHistory[33] The store {store} was deleted while it was open: a new store is made in "
            + "its place (the readings the deleted one held are gone)",
            Assert.Single(serve.Output.Split('\n'), line => line.Contains("The store", StringComparison.Ordinal)));
        Assert.DoesNotContain("SQLite failed", serve.Output, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);

        async Task<bool> HasAReadingAsync(CancellationToken deadline)
        {
            try
            {
                await using var reader = await BalanceStore.OpenReadOnlyAsync(store, cancellationToken: deadline);
                return await reader.ReadAsync(cancellationToken: deadline).AnyAsync(deadline);
            }
            catch (BalanceStoreException)
            {
                // Not made yet, or written while it was read.
                return false;
            }
        }
    }
}
