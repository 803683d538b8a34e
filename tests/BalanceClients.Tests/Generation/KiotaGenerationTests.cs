using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace BalanceClients.Tests.Generation;

/// <summary>
/// The Kiota branch of the build's generation, on a copy of specs/ and generated/, with a stand-in <c>kiota</c> first on PATH
/// (a bash script that logs its arguments and writes the root file Kiota writes). It proves the MSBuild wiring: the
/// arguments, the stamp, staleness, one process per spec. It does not prove that Kiota's output compiles.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class KiotaGenerationTests : IDisposable
{
    private const string Version = "-p:KiotaVersion=1.29.0";

    private readonly GenerationWorkspace _workspace = new();

    public KiotaGenerationTests()
    {
        var tools = Directory.CreateDirectory(Path.Combine(_workspace.Root, "tools")).FullName;
        var kiota = Path.Combine(tools, "kiota");
        File.WriteAllText(kiota, $$"""
            #!/usr/bin/env bash
            # Stand-in for kiota: one argument a line and a blank line per run, then the root file Kiota writes.
            printf '%s\n' "$@" '' >> '{{Log}}'
            while [ $# -gt 0 ]; do
              case "$1" in --output) output="$2" ;; --class-name) class="$2" ;; esac
              shift
            done
            mkdir -p "$output" && echo "// stand-in for Kiota's $class" > "$output/$class.cs"
            """);
        File.SetUnixFileMode(kiota, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _workspace.ToolsDirectory = tools;
    }

    private string Log => Path.Combine(_workspace.Root, "kiota.log");

    [Fact]
    public async Task GenerateApiClients_OneSpecOnKiota_RunsKiotaOnceWithTheseArguments()
    {
        var output = await _workspace.RunGenerationAsync("-p:KiotaProviders=Telnyx", Version);

        Assert.Contains("Generating 1 API client(s) with Kiota 1.29.0: Telnyx", output, StringComparison.Ordinal);
        Assert.DoesNotContain("with NSwag", output, StringComparison.Ordinal);
        string[] expected =
        [
            "generate", "--language", "CSharp", "--clean-output", "--exclude-backward-compatible",
            "--openapi", Path.Combine(_workspace.Specs, "telnyx.yaml"),
            "--output", Path.Combine(_workspace.Generated, "Telnyx") + "/",
            "--namespace-name", "BalanceClients.Generated.Telnyx",
            "--class-name", "TelnyxClient",
        ];
        Assert.Equal(expected, Assert.Single(KiotaRuns()));
    }

    [Fact]
    public async Task GenerateApiClients_OneSpecOnKiota_StampsKiotaItsVersionAndItsInputs()
    {
        await _workspace.RunGenerationAsync("-p:KiotaProviders=Telnyx", Version);

        var spec = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(_workspace.Specs, "telnyx.yaml"))));
        var expected = $"""
            generator: Kiota 1.29.0
            spec-sha256: {spec}
            namespace: BalanceClients.Generated.Telnyx
            class: TelnyxClient
            settings: kiota generate --language CSharp --clean-output --exclude-backward-compatible

            """;
        Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Telnyx", "generation.stamp")));
        Assert.True(File.Exists(Path.Combine(_workspace.Generated, "Telnyx", "TelnyxClient.cs")));
    }

    [Fact]
    public async Task GenerateApiClients_KiotaSpecUnchangedSinceItsRun_StartsNoGenerator()
    {
        await _workspace.RunGenerationAsync("-p:KiotaProviders=Telnyx", Version);
        var before = _workspace.Snapshot();

        var output = await _workspace.RunGenerationAsync("-p:KiotaProviders=Telnyx", Version);

        Assert.DoesNotContain("Generating", output, StringComparison.Ordinal);
        Assert.Single(KiotaRuns());
        Assert.Equal(before, _workspace.Snapshot());
    }

    [Fact]
    public async Task GenerateApiClients_ThreeStaleSpecsOnKiota_RunsOneKiotaProcessPerSpec()
    {
        var output = await _workspace.RunGenerationAsync("-p:KiotaProviders=Telnyx%3BLumenfall%3BMesh", Version);

        Assert.Contains("Generating 3 API client(s) with Kiota 1.29.0: Telnyx, Lumenfall, Mesh", output, StringComparison.Ordinal);
        Assert.DoesNotContain("with NSwag", output, StringComparison.Ordinal);
        var classes = KiotaRuns().Select(run => run[run.IndexOf("--class-name") + 1]);
        Assert.Equal(["TelnyxClient", "LumenfallClient", "MeshClient"], classes);
    }

    public void Dispose() => _workspace.Dispose();

    private List<List<string>> KiotaRuns()
    {
        var runs = new List<List<string>>();
        var run = new List<string>();
        foreach (var line in File.Exists(Log) ? File.ReadLines(Log) : [])
        {
            if (line.Length > 0)
            {
                run.Add(line);
            }
            else
            {
                runs.Add(run);
                run = [];
            }
        }

        return runs;
    }
}
