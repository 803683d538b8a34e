namespace BalanceClients.Tests.Testing;

/// <summary>
/// The real-time bound on what a test awaits. What a test awaits takes milliseconds unless the code is broken, so the bound is
/// generous (a loaded machine is slow, never this slow), and running out of it fails with what was awaited instead of hanging.
/// </summary>
internal static class Bounded
{
    /// <summary>How long a test waits in real time for one thing to happen.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="Limit"/>.</summary>
    /// <exception cref="TimeoutException">The task did not complete in time; the message says what was awaited.</exception>
    public static async Task WithinLimit(this Task task, string what)
    {
        try
        {
            await task.WaitAsync(Limit);
        }
        catch (TimeoutException exception) when (!task.IsCompleted)
        {
            throw new TimeoutException(TimedOut(what), exception);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="Limit"/> and returns its result.</summary>
    /// <exception cref="TimeoutException">The task did not complete in time; the message says what was awaited.</exception>
    public static async Task<T> WithinLimit<T>(this Task<T> task, string what)
    {
        await ((Task)task).WithinLimit(what);
        return await task;
    }

    /// <summary>
    /// Asks <paramref name="condition"/> every 50 ms of real time until it holds, for at most <see cref="Limit"/>: for what another
    /// process does on its own schedule, which no manual clock moves and no signal announces.
    /// </summary>
    /// <exception cref="TimeoutException">The condition did not hold in time; the message says what was awaited.</exception>
    public static async Task UntilAsync(Func<CancellationToken, Task<bool>> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Limit);
        try
        {
            while (!await condition(deadline.Token))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException(TimedOut(what), exception);
        }
    }

    private static string TimedOut(string what) => $"Waited {Limit.TotalSeconds:F0} s (real time) for {what}, in vain.";
}
