using BalanceClients.Monitoring;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Monitoring;

/// <summary>The monitor's places for checks: a freed place goes to the providers with checks waiting in turn.</summary>
public sealed class FairConcurrencyTests
{
    private static readonly string[] Waiting = ["antgst", "antgst", "antgst", "mesh", "telnyx"];

    [Fact]
    public async Task Release_HandsThePlaceToTheProvidersInTurn_NotToTheLongestQueue()
    {
        var places = new FairConcurrency(1);
        await places.EnterAsync("antgst", CancellationToken.None);
        var order = new List<string>();
        var waiting = Waiting
            .Select((provider, i) => Enter(places, provider, $"{provider}{i}", order))
            .ToList();
        Assert.All(waiting, task => Assert.False(task.IsCompleted));

        for (var released = 1; released <= waiting.Count; released++)
        {
            places.Release();
            var entered = released;
            await Bounded.UntilAsync(_ => Task.FromResult(Count(order) == entered), $"{entered} waiting checks to enter");
        }

        Assert.Equal(["antgst0", "mesh3", "telnyx4", "antgst1", "antgst2"], order);
    }

    [Fact]
    public async Task Enter_WithAFreePlaceAndNobodyWaiting_EntersAtOnce_AndAStoppedWaitTakesNoPlace()
    {
        var places = new FairConcurrency(2);
        await places.EnterAsync("mesh", CancellationToken.None);
        await places.EnterAsync("mesh", CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var stopped = places.EnterAsync("telnyx", stop.Token);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);
        places.Release();

        Assert.True(places.EnterAsync("undrctrl", CancellationToken.None).IsCompletedSuccessfully);
        Assert.False(places.EnterAsync("undrctrl", CancellationToken.None).IsCompleted);
    }

    private static int Count(List<string> order)
    {
        lock (order)
        {
            return order.Count;
        }
    }

    private static async Task Enter(FairConcurrency places, string provider, string name, List<string> order)
    {
        await places.EnterAsync(provider, CancellationToken.None);
        lock (order)
        {
            order.Add(name);
        }
    }
}
