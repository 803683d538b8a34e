using System.Runtime.ExceptionServices;

namespace BalanceClients.History;

/// <summary>
/// Group commit: items that arrive while a batch is being written wait, and are written together as the next batch (at most
/// <paramref name="maxBatch"/>), so that writers that come together share one transaction, and one flush of the disk, instead of
/// paying one each. Each caller's wait ends when its own item is written, or failed: a failure of the store
/// (<see cref="BalanceStoreException"/>) is every item's of the batch; any other (an item the store refuses) is the batch's items
/// written again one by one, so that it is only its own item's. A caller's cancellation ends its own wait; the batch's write is
/// cancelled only once every caller in it has given up.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
/// <param name="write">Writes a batch in order, in one transaction where it can.</param>
/// <param name="maxBatch">The most items in one batch.</param>
internal sealed class GroupCommit<T>(Func<IReadOnlyList<T>, CancellationToken, Task> write, int maxBatch)
{
    private readonly Lock _lock = new();
    private readonly Queue<Waiting> _waiting = new();
    private bool _writing;

    /// <summary>Writes an item with those that come with it.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Ends this caller's wait; the batch goes on for the others.</param>
    /// <returns>When the item is written.</returns>
    public async Task WriteAsync(T item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiting = new Waiting(item, cancellationToken);
        bool start;
        lock (_lock)
        {
            _waiting.Enqueue(waiting);
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            // Written apart from every caller, so that no caller waits for batches after its own.
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }

        var failure = await waiting.Written.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        failure?.Throw();
    }

    private async Task WriteAllAsync()
    {
        while (Next() is { } batch)
        {
            await WriteBatchAsync(batch).ConfigureAwait(false);
        }
    }

    // The items that came while the last batch was written, up to a batch; none ends the writing, under the lock.
    private List<Waiting>? Next()
    {
        lock (_lock)
        {
            var batch = new List<Waiting>(Math.Min(_waiting.Count, maxBatch));
            while (batch.Count < maxBatch && _waiting.TryDequeue(out var waiting))
            {
                batch.Add(waiting);
            }

            _writing = batch.Count > 0;
            return _writing ? batch : null;
        }
    }

    private async Task WriteBatchAsync(List<Waiting> batch)
    {
        using var abandoned = new CancellationTokenSource();
        var callers = batch.Count;
        var registrations = new List<CancellationTokenRegistration>(batch.Count);
        try
        {
            foreach (var waiting in batch)
            {
                registrations.Add(waiting.CancellationToken.Register(() =>
                {
                    if (Interlocked.Decrement(ref callers) == 0)
                    {
                        abandoned.Cancel();
                    }
                }));
            }

            // Callers that all gave up before their batch began leave nothing to write, as a write cancelled before it began.
            abandoned.Token.ThrowIfCancellationRequested();
            await write([.. batch.Select(w => w.Item)], abandoned.Token).ConfigureAwait(false);
            foreach (var waiting in batch)
            {
                waiting.Written.TrySetResult(null);
            }
        }
#pragma warning disable CA1031 // Every failure is handed to the callers it belongs to; none may end the writing of later batches.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (batch.Count > 1 && exception is not BalanceStoreException && !abandoned.IsCancellationRequested)
            {
                foreach (var waiting in batch)
                {
                    await WriteBatchAsync([waiting]).ConfigureAwait(false);
                }
            }
            else
            {
                var failure = ExceptionDispatchInfo.Capture(exception);
                foreach (var waiting in batch)
                {
                    waiting.Written.TrySetResult(failure);
                }
            }
        }
        finally
        {
            foreach (var registration in registrations)
            {
                await registration.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // An item waiting to be written, and its caller's wait: the failure, if any, is handed over as a result, so that a caller that
    // gave up leaves no unobserved exception behind.
    private sealed class Waiting(T item, CancellationToken cancellationToken)
    {
        public T Item => item;

        public CancellationToken CancellationToken => cancellationToken;

        public TaskCompletionSource<ExceptionDispatchInfo?> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
