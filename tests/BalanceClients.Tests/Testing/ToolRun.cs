using System.Diagnostics;

namespace BalanceClients.Tests.Testing;

/// <summary>One run of a command-line program to its end: its exit status and what it wrote.</summary>
internal sealed record ToolRun(int ExitCode, string Out, string Error)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="executable"/> with these arguments, in <paramref name="folder"/>.</summary>
    public static Task<ToolRun> RunAsync(string executable, string folder, params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = folder };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        return RunAsync(start, string.Join(' ', start.ArgumentList.Prepend(executable)));
    }

    /// <summary>Runs the process <paramref name="start"/> describes, its standard input empty; killed if it outlives a minute.</summary>
    /// <exception cref="TimeoutException">It did not exit within a minute; it has been killed.</exception>
    public static async Task<ToolRun> RunAsync(ProcessStartInfo start, string what)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitOrKillAsync(Limit, what);
        return new ToolRun(process.ExitCode, await output, await error);
    }

    /// <summary>Everything it wrote, for the message of a failing assertion.</summary>
    public override string ToString() => $"exit {ExitCode}\n{Out}{Error}";
}
