using System.Diagnostics;

namespace BalanceClients.Tests.Testing;

/// <summary>Ends the processes the tests start: none may outlive its test, nor hang it.</summary>
internal static class ChildProcesses
{
    /// <summary>Waits for <paramref name="process"/> to exit; past <paramref name="limit"/>, kills its tree and fails.</summary>
    /// <exception cref="TimeoutException">The process did not exit in time; it has been killed.</exception>
    public static async Task WaitForExitOrKillAsync(this Process process, TimeSpan limit, string what)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            await process.KillTreeAsync(what);
            throw new TimeoutException($"{what} did not exit within {limit.TotalSeconds:F0} s, so it was killed.", exception);
        }
    }

    /// <summary>Kills <paramref name="process"/> and its descendants and waits (bounded) until it is gone; no-op once exited.</summary>
    /// <exception cref="TimeoutException">The process was still there after <see cref="Bounded.Limit"/>.</exception>
    public static async Task KillTreeAsync(this Process process, string what)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().WithinLimit($"{what} (pid {process.Id}) to exit once killed");
    }

    /// <summary>Whether a process with this id is running.</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
