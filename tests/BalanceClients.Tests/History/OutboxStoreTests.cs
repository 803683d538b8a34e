using BalanceClients.History;

namespace BalanceClients.Tests.History;

/// <summary>
/// The outbox of both stores: a message is queued in one transaction with the told levels it leads to, and only while the levels
/// recorded before are those the writer read; the messages of a receiver come back in the order queued, each with its bursts; a
/// receiver is forgotten whole, messages and told levels.
/// </summary>
public sealed class OutboxStoreTests
{
    private static readonly NotifiedRow Critical = new("webhook:a", "telnyx", "eu", "critical", "ok", 1_000);

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task QueueAsync_WritesTheLevelsAndTheMessageTogether_OnlyWhileTheLevelsAreAsRead(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);

        Assert.True(await store.QueueAsync(Critical, null, Message("msg_1", 1_000), CancellationToken.None));
        // Another writer read no levels either: it finds critical recorded meanwhile, and writes nothing.
        Assert.False(await store.QueueAsync(Critical with { Level = "warning" }, null, Message("msg_2", 1_500), CancellationToken.None));
        Assert.True(await store.QueueAsync(
            Critical with { Account = "EU", Level = "ok", Time = 2_000 },
            ("critical", "ok"),
            Message("msg_3", 2_000) with { Account = "EU" },
            CancellationToken.None));
        await store.DeferOutboxAsync("msg_1", 2, 5_000, CancellationToken.None);

        var waiting = await store.ReadOutboxAsync("webhook:a", CancellationToken.None);
        Assert.Equal(["msg_1", "msg_3"], waiting.Select(message => message.MessageId));
        Assert.True(waiting[0].Sequence < waiting[1].Sequence);
        Assert.Equal(
            Message("msg_1", 1_000) with { Sequence = waiting[0].Sequence, Bursts = 2, Due = 5_000 },
            waiting[0]);
        Assert.Empty(await store.ReadOutboxAsync("webhook:b", CancellationToken.None));
        Assert.Equal(("ok", 2_000L), Assert.Single(await store.ReadNotifiedAsync(CancellationToken.None)) is var row
            ? (row.Level, row.Time)
            : default);

        await store.RemoveOutboxAsync("msg_1", CancellationToken.None);
        Assert.Equal("msg_3", Assert.Single(await store.ReadOutboxAsync("webhook:a", CancellationToken.None)).MessageId);
    }

    [Theory]
    [StoreKind(StoreKind.Sqlite)]
    [StoreKind(StoreKind.PostgreSql)]
    public async Task ForgetReceiverAsync_RemovesItsMessagesAndItsToldLevels_AndNothingOfAnotherReceiver(StoreKind kind)
    {
        using var place = await StorePlace.CreateAsync(kind);
        await using var store = await BalanceStore.OpenAsync(place.Location);
        Assert.True(await store.QueueAsync(Critical, null, Message("msg_1", 1_000), CancellationToken.None));
        Assert.True(await store.QueueAsync(
            Critical with { Account = "us" }, null, Message("msg_2", 1_000) with { Account = "us" }, CancellationToken.None));
        Assert.True(await store.QueueAsync(
            Critical with { Receiver = "webhook:b" },
            null,
            Message("msg_3", 1_000) with { Receiver = "webhook:b" },
            CancellationToken.None));
        Assert.Equal([("webhook:a", 2), ("webhook:b", 1)], await store.CountOutboxAsync(CancellationToken.None));

        Assert.Equal(2, await store.ForgetReceiverAsync("webhook:a", CancellationToken.None));

        Assert.Equal([("webhook:b", 1)], await store.CountOutboxAsync(CancellationToken.None));
        Assert.Equal(["webhook:b"], (await store.ReadNotifiedAsync(CancellationToken.None)).Select(row => row.Receiver));
        Assert.Equal(0, await store.ForgetReceiverAsync("webhook:a", CancellationToken.None));
    }

    private static OutboxRow Message(string id, long at) =>
        new(0, "webhook:a", "telnyx", "eu", "critical", id, """{"level":"critical"}""", at, 0, at);
}
