using System.Diagnostics;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Generation;

/// <summary>A copy of specs/ and generated/ in a temporary folder, and the build's generation target run on that copy.</summary>
internal sealed class GenerationWorkspace : IDisposable
{
    public GenerationWorkspace()
    {
        CopyDirectory(RepoPaths.Specs, Specs);
        CopyDirectory(RepoPaths.Generated, Generated);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("balanceclients-generation-").FullName;

    public string Specs => Path.Combine(Root, "specs");

    public string Generated => Path.Combine(Root, "generated");

    /// <summary>The generator processes a build's output shows it started (MSBuild logs each command at normal verbosity).</summary>
    public static IReadOnlyList<string> GeneratorRuns(string output) =>
        [.. output.Split('\n').Select(line => line.Trim()).Where(line =>
            line.Contains("dotnet-nswag.dll\" run", StringComparison.Ordinal)
            || line.StartsWith("dotnet tool run kiota generate ", StringComparison.Ordinal))];

    /// <summary>Every file under generated/, by its path relative to it.</summary>
    public Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Generated, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(Generated, file).Replace('\\', '/'), File.ReadAllText);

    public async Task EditSpecAsync(string fileName, string find, string replaceWith)
    {
        var spec = Path.Combine(Specs, fileName);
        var text = await File.ReadAllTextAsync(spec);
        Assert.Contains(find, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(spec, text.Replace(find, replaceWith, StringComparison.Ordinal));
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Generated, relativePath));

    /// <summary>Runs the GenerateApiClients target on the copy; fails the test if the build fails.</summary>
    /// <param name="properties">More <c>-p:</c> arguments.</param>
    /// <returns>The build's output.</returns>
    public async Task<string> RunGenerationAsync(params string[] properties)
    {
        var project = Path.Combine(RepoPaths.Root, "src", "BalanceClients", "BalanceClients.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        foreach (var argument in new[]
        {
            "msbuild", project, "-t:GenerateApiClients", "-nologo", "-v:n", "-nodeReuse:false",
            $"-p:ApiSpecsDirectory={Specs}/", $"-p:ApiClientsOutputDirectory={Generated}/",
            $"-p:ApiClientsWorkDirectory={Path.Combine(Root, "work")}/",
        }.Concat(properties))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitOrKillAsync(TimeSpan.FromMinutes(5), "the generation build");
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, text);
        return text;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
