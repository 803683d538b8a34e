using System.Diagnostics;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Generation;

/// <summary>Runs the build's generation target on a copy of specs/ and generated/: what changes is regenerated, nothing else.</summary>
public sealed class ClientGenerationTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("balanceclients-generation-").FullName;

    public ClientGenerationTests()
    {
        CopyDirectory(RepoPaths.Specs, Specs);
        CopyDirectory(RepoPaths.Generated, Generated);
    }

    private string Specs => Path.Combine(_workspace, "specs");

    private string Generated => Path.Combine(_workspace, "generated");

    [Fact]
    public async Task GenerateApiClients_NothingChanged_StartsNoGenerator()
    {
        var before = Snapshot();

        var output = await RunGenerationAsync();

        Assert.DoesNotContain("Generating", output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task GenerateApiClients_OneSpecGainsAField_RegeneratesExactlyThatClient()
    {
        var before = Snapshot();
        var spec = Path.Combine(Specs, "undrctrl.yaml");
        var text = await File.ReadAllTextAsync(spec);
        await File.WriteAllTextAsync(spec, text.Replace(
            "    UndrctrlBalance:\n      type: object\n      properties:\n",
            "    UndrctrlBalance:\n      type: object\n      properties:\n        bonus_credit:\n          type: string\n",
            StringComparison.Ordinal));

        var output = await RunGenerationAsync();

        Assert.Contains("Generating 1 API client(s) with NSwag 14.7.1: Undrctrl", output, StringComparison.Ordinal);
        var client = await File.ReadAllTextAsync(Path.Combine(Generated, "Undrctrl", "UndrctrlClient.g.cs"));
        Assert.Contains("public string? Bonus_credit { get; set; }", client, StringComparison.Ordinal);
        var after = Snapshot();
        var changed = before.Keys.Where(file => before[file] != after[file]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Undrctrl/UndrctrlClient.g.cs", "Undrctrl/generation.stamp"], changed);
    }

    [Fact]
    public async Task GenerateApiClients_Forced_ReproducesTheCommittedClientsByteForByte()
    {
        var committed = Snapshot();
        Directory.Delete(Generated, recursive: true);

        var output = await RunGenerationAsync("-p:ForceApiClientGeneration=true");

        Assert.Contains("Generating 5 API client(s)", output, StringComparison.Ordinal);
        Assert.Equal(committed, Snapshot());
    }

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Generated, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(Generated, file).Replace('\\', '/'), File.ReadAllText);

    private async Task<string> RunGenerationAsync(params string[] extra)
    {
        var project = Path.Combine(RepoPaths.Root, "src", "BalanceClients", "BalanceClients.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workspace,
        };
        foreach (var argument in new[]
        {
            "msbuild", project, "-t:GenerateApiClients", "-nologo", "-v:n", "-nodeReuse:false",
            $"-p:ApiSpecsDirectory={Specs}/", $"-p:ApiClientsOutputDirectory={Generated}/",
            $"-p:BaseIntermediateOutputPath={Path.Combine(_workspace, "obj")}/",
        }.Concat(extra))
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
