using System.Diagnostics;
using BalanceClients.Tests.Cli;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// The Native AOT executable that <c>BALANCES_EXECUTABLE</c> names, copied alone into an empty folder, and run there with a
/// minimal environment (<c>PATH</c>, and <c>HOME</c> that folder): no file of the build beside it, no .NET runtime named.
/// </summary>
internal sealed class ExecutableAlone : InstalledBalances
{
    private readonly DirectoryInfo _folder;

    private ExecutableAlone(DirectoryInfo folder, string executable)
    {
        _folder = folder;
        Executable = executable;
    }

    /// <summary>The native executable to test, or <see langword="null"/> where none is named.</summary>
    public static string? Original => Environment.GetEnvironmentVariable(CliRun.ExecutableVariable) is { Length: > 0 } path ? path : null;

    /// <summary>The copy that runs.</summary>
    public string Executable { get; }

    public override string WritableFolder => _folder.FullName;

    /// <summary>What the folder holds.</summary>
    public IEnumerable<string> Files => _folder.EnumerateFileSystemInfos().Select(file => file.Name);

    /// <summary>Copies <see cref="Original"/> alone into a new folder.</summary>
    public static ExecutableAlone Copy()
    {
        var original = Original ?? throw new InvalidOperationException($"{CliRun.ExecutableVariable} names no executable");
        var folder = Directory.CreateTempSubdirectory("balances-alone-");
        var executable = Path.Combine(folder.FullName, "balances");
        File.Copy(original, executable);
        return new ExecutableAlone(folder, executable);
    }

    public override string OnThisMachine(string path) => path;

    public override ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, params IEnumerable<string> args) =>
        Start(Executable, _folder.FullName, args, Minimal, environment);

    private Dictionary<string, string?> Minimal => new() { ["PATH"] = "/usr/bin:/bin", ["HOME"] = _folder.FullName };

    public override void Dispose() => _folder.Delete(recursive: true);
}
