using BalanceClients.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

/// <summary>
/// Group commit on its own, with a write that waits until the test lets it go: which items go together, in which order, and what a
/// failure or a cancellation costs whom.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task WriteAsync_ItemsThatComeWhileABatchIsWritten_GoTogetherIntoTheNextInOrderUpToTheCap()
    {
        using var writes = new HeldWrites();
        var commit = new GroupCommit<int>(writes.WriteAsync, maxBatch: 4);

        var first = commit.WriteAsync(0, CancellationToken.None);
        await writes.NextStartedAsync();
        var others = Enumerable.Range(1, 6).Select(i => commit.WriteAsync(i, CancellationToken.None)).ToList();
        writes.Release();
        await Task.WhenAll([first, .. others]).WithinLimit("seven items written");

        Assert.Equal([[0], [1, 2, 3, 4], [5, 6]], writes.Batches);
    }

    [Fact]
    public async Task WriteAsync_ItemRefusedInABatch_FailsOnlyItsOwnCallerAfterTheBatchIsWrittenOneByOne()
    {
        using var writes = new HeldWrites(refuse: 2);
        var commit = new GroupCommit<int>(writes.WriteAsync, maxBatch: 16);
        var first = commit.WriteAsync(0, CancellationToken.None);
        await writes.NextStartedAsync();
        var others = Enumerable.Range(1, 3).Select(i => commit.WriteAsync(i, CancellationToken.None)).ToList();

        writes.Release();

        await Task.WhenAll(first, others[0], others[2]).WithinLimit("the other items");
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => others[1].WithinLimit("the refused item"));
        Assert.StartsWith("2 is refused", refused.Message, StringComparison.Ordinal);
        Assert.Equal([[0], [1, 2, 3], [1], [2], [3]], writes.Batches);
    }

    [Fact]
    public async Task WriteAsync_StoreFailsABatch_FailsEveryCallerOfItWithoutWritingThemAgain()
    {
        using var writes = new HeldWrites(storeFails: true);
        var commit = new GroupCommit<int>(writes.WriteAsync, maxBatch: 16);
        var first = commit.WriteAsync(0, CancellationToken.None);
        await writes.NextStartedAsync();
        var others = Enumerable.Range(1, 3).Select(i => commit.WriteAsync(i, CancellationToken.None)).ToList();

        writes.Release();

        foreach (var call in others.Prepend(first))
        {
            await Assert.ThrowsAsync<BalanceStoreException>(() => call.WithinLimit("a caller of a failed batch"));
        }

        Assert.Equal([[0], [1, 2, 3]], writes.Batches);
    }

    [Fact]
    public async Task WriteAsync_OneCallerCancelled_ItsWaitEndsAndTheBatchGoesOnUncancelledUntilEveryCallerIsGone()
    {
        using var writes = new HeldWrites();
        var commit = new GroupCommit<int>(writes.WriteAsync, maxBatch: 16);
        using var one = new CancellationTokenSource();
        using var other = new CancellationTokenSource();
        var first = commit.WriteAsync(0, CancellationToken.None);
        await writes.NextStartedAsync();
        var (second, third) = (commit.WriteAsync(1, one.Token), commit.WriteAsync(2, other.Token));
        writes.Release(1);
        await first.WithinLimit("the first batch");
        await writes.NextStartedAsync();

        await one.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WithinLimit("the cancelled caller"));
        Assert.False(writes.Tokens[1].IsCancellationRequested);
        await other.CancelAsync();

        Assert.True(writes.Tokens[1].IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third.WithinLimit("the other cancelled caller"));
        writes.Release(2);
        await commit.WriteAsync(3, CancellationToken.None).WithinLimit("an item after every caller gave up");
        Assert.Equal([[0], [1, 2], [3]], writes.Batches);
    }

    [Fact]
    public async Task WriteAsync_EveryCallerOfABatchGaveUpBeforeItBegan_NothingOfItIsWritten()
    {
        using var writes = new HeldWrites();
        var commit = new GroupCommit<int>(writes.WriteAsync, maxBatch: 1);
        using var gone = new CancellationTokenSource();
        var first = commit.WriteAsync(0, CancellationToken.None);
        await writes.NextStartedAsync();
        var cancelled = commit.WriteAsync(1, gone.Token);

        await gone.CancelAsync();
        writes.Release(2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WithinLimit("the cancelled caller"));
        await Task.WhenAll(first, commit.WriteAsync(2, CancellationToken.None)).WithinLimit("the other items");
        Assert.Equal([[0], [2]], writes.Batches);
    }

    // A write that records each batch and its token, and holds each batch until the test lets it go.
    private sealed class HeldWrites(int? refuse = null, bool storeFails = false) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(0);
        private readonly SemaphoreSlim _started = new(0);

        public List<int[]> Batches { get; } = [];

        public List<CancellationToken> Tokens { get; } = [];

        public async Task NextStartedAsync() => Assert.True(await _started.WaitAsync(Bounded.Limit), "A batch did not start.");

        public void Release(int batches = 100) => _gate.Release(batches);

        public void Dispose()
        {
            _gate.Dispose();
            _started.Dispose();
        }

        public async Task WriteAsync(IReadOnlyList<int> batch, CancellationToken cancellationToken)
        {
            lock (Batches)
            {
                Batches.Add([.. batch]);
                Tokens.Add(cancellationToken);
            }

            _started.Release();
            Assert.True(await _gate.WaitAsync(Bounded.Limit, CancellationToken.None), "The batch was never released.");
            if (storeFails)
            {
                throw new BalanceStoreException("/tmp/store.db", BalanceStoreErrorKind.Failed, "/tmp/store.db: disk full.");
            }

            if (refuse is { } refused && batch.Contains(refused))
            {
                throw new ArgumentException($"{refused} is refused", nameof(batch));
            }
        }
    }
}
