namespace BalanceClients.Monitoring;

/// <summary>
/// At most a number of checks at once, a freed place handed to the providers with checks waiting in turn, not to the check that
/// waited longest: a provider whose checks queue up (many accounts, a rate limit they wait on while they hold their places) takes
/// one turn in each round, and every other provider's checks still run.
/// </summary>
/// <param name="places">How many checks may run at once.</param>
internal sealed class FairConcurrency(int places)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<TaskCompletionSource>> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _turns = new();
    private int _free = places;

    /// <summary>Waits for a place for one of a provider's checks.</summary>
    /// <param name="provider">The provider checked.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>When the check has its place; <see cref="Release"/> gives it back.</returns>
    public async Task EnterAsync(string provider, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_free > 0 && _turns.Count == 0)
            {
                _free--;
                return;
            }

            if (!_waiting.TryGetValue(provider, out var queue))
            {
                _waiting[provider] = queue = new Queue<TaskCompletionSource>();
            }

            if (queue.Count == 0)
            {
                _turns.Enqueue(provider);
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Enqueue(waiter);
        }

        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!waiter.TrySetCanceled(cancellationToken))
        {
            // The place was handed over as the wait was stopped: it goes to the next in turn.
            Release();
            throw;
        }
    }

    /// <summary>Gives a place back: to the next provider in turn that has a check waiting, or to the free places.</summary>
    public void Release()
    {
        lock (_lock)
        {
            while (_turns.TryDequeue(out var provider))
            {
                var queue = _waiting[provider];
                var handed = false;
                while (!handed && queue.TryDequeue(out var waiter))
                {
                    handed = waiter.TrySetResult();
                }

                if (queue.Count > 0)
                {
                    _turns.Enqueue(provider);
                }

                if (handed)
                {
                    return;
                }
            }

            _free++;
        }
    }
}
