using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Serve;

/// <content>
/// A level change during a failover reaches the webhook once by <c>webhook-id</c>: queued at the leader while the receiver refuses
/// it, then delivered by the new leader after <c>kill -9</c> of the old one; or first read by the new leader. The new leader's
/// next checks of the account, at the same level, send nothing more.
/// </content>
public sealed partial class ServeReplicaTests
{
    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task ChangeQueuedAtTheLeaderWhileTheReceiverRefuses_LeaderKilled_TheNewLeaderDeliversItOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        receiver.Default = FakeResponse.Text(503, "down");
        var (leader, follower) = await StartPairAsync(receiver);

        _fakes["undrctrl"].Default = ServeWebhooks.Low;
        await receiver.WaitForRequestsAsync(1);
        Assert.Contains("balances_webhook_pending 1\n", await MetricsAsync(leader), StringComparison.Ordinal);
        KillHard(leader);
        var killed = DateTimeOffset.UtcNow;
        receiver.Default = ServeWebhooks.Taken;

        await AssertToldOnceAsync(receiver, follower, killed);
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task ChangeFirstReadByTheNewLeader_IsToldOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        receiver.Default = ServeWebhooks.Taken;
        var (leader, follower) = await StartPairAsync(receiver);

        KillHard(leader);
        var killed = DateTimeOffset.UtcNow;
        _fakes["undrctrl"].Default = ServeWebhooks.Low;

        await AssertToldOnceAsync(receiver, follower, killed);
        Assert.Single(receiver.Requests);
    }

    // Two replicas with the webhook and the threshold, every account read once at ok (which tells nothing); the leader first.
    private async Task<(ServerProcess Leader, ServerProcess Follower)> StartPairAsync(WebhookReceiver receiver)
    {
        var server = await PostgreSqlServer.GetAsync();
        var store = server.Uri(await server.CreateDatabaseAsync());
        var environment = ServeWebhooks.Environment(_fakes, receiver);
        var one = await StartAsync(store, environment, ServeWebhooks.Threshold);
        var two = await StartAsync(store, environment, ServeWebhooks.Threshold);
        await ReadyAsync(one, two);
        Assert.Empty(receiver.Requests);
        return await LeaderAsync(one) == 1 ? (one, two) : (two, one);
    }

    // The follower leads and delivers the change in one message, signed afresh, and sends nothing more over its next two checks of
    // the account.
    private async Task AssertToldOnceAsync(WebhookReceiver receiver, ServerProcess follower, DateTimeOffset killed)
    {
        await UntilAsync(async () => await LeaderAsync(follower) == 1, Failover, "the follower to lead");
        await UntilAsync(() => Task.FromResult(receiver.Accepted.Count > 0), Failover, "the new leader to deliver the change");
        var undrctrl = _fakes["undrctrl"];
        var checks = undrctrl.Requests.Count;
        await UntilAsync(() => Task.FromResult(undrctrl.Requests.Count >= checks + 2), Failover, "two more checks of undrctrl");

        var (_, body) = Assert.Single(receiver.Requests.Select(request => (request.Headers["webhook-id"], request.Body)).Distinct());
        Assert.StartsWith(ServeWebhooks.Critical, body, StringComparison.Ordinal);
        ServeWebhooks.AssertGenuine(receiver.Accepted[^1], killed);
        var metrics = await MetricsAsync(follower);
        Assert.Contains("balances_webhook_deliveries_total{outcome=\"delivered\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("balances_webhook_pending 0\n", metrics, StringComparison.Ordinal);
        ServeWebhooks.AssertNoSecretIn(string.Concat(_replicas.Select(replica => replica.Output)));
    }
}
