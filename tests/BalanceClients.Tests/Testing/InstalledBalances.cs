using System.Diagnostics;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// <c>balances</c> as an operator installs it, run as a process: the Native AOT executable alone in a folder
/// (<see cref="ExecutableAlone"/>), or the container image's entry point in the image's root file system (<see cref="ImageRootfs"/>).
/// </summary>
internal abstract class InstalledBalances : IDisposable
{
    /// <summary>A folder the tool may write in, as the tool sees it.</summary>
    public abstract string WritableFolder { get; }

    /// <summary>The file on this machine that the tool sees at <paramref name="path"/>.</summary>
    public abstract string OnThisMachine(string path);

    /// <summary>How to start <c>balances</c> with these arguments and, besides the installation's own, only these variables.</summary>
    public abstract ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, params IEnumerable<string> args);

    /// <summary>Runs <c>balances</c> to its end (at most a minute).</summary>
    public Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params IEnumerable<string> args)
    {
        var start = StartInfo(environment, args);
        return ToolRun.RunAsync(start, "balances " + string.Join(' ', args));
    }

    /// <summary>A path in <see cref="WritableFolder"/>, as the tool sees it.</summary>
    public string Writable(string name) => WritableFolder.TrimEnd('/') + "/" + name;

    public abstract void Dispose();

    /// <summary>A start of <paramref name="program"/> with exactly these variables, in <paramref name="folder"/>.</summary>
    protected static ProcessStartInfo Start(
        string program, string folder, IEnumerable<string> args, params IEnumerable<IReadOnlyDictionary<string, string?>> environments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, UseShellExecute = false };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environments.SelectMany(environment => environment))
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
