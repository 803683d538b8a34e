using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Generation;

/// <summary>
/// The Kiota half of the build's generation, with the real Kiota (the .NET tool pinned in .config/dotnet-tools.json, which the
/// build restores itself), on a copy of specs/ and generated/: its arguments, its stamp, its own lock file, and what its
/// clean output may touch.
/// </summary>
public sealed class KiotaGenerationTests : IDisposable
{
    private const string Arguments = "--language CSharp --clean-output --exclude-backward-compatible"
        + " --serializer Microsoft.Kiota.Serialization.Json.JsonSerializationWriterFactory"
        + " --deserializer Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory";

    private readonly GenerationWorkspace _workspace = new();

    [Fact]
    public async Task GenerateApiClients_OneKiotaClientStale_RunsKiotaOnceWithTheseArguments()
    {
        _workspace.Delete("Telnyx/kiota.stamp");

        var output = await _workspace.RunGenerationAsync();

        Assert.Contains("Generating 1 API client(s) with Kiota 1.38.0: Telnyx", output, StringComparison.Ordinal);
        Assert.Contains("dotnet tool restore --tool-manifest", output, StringComparison.Ordinal);
        Assert.DoesNotContain("with NSwag", output, StringComparison.Ordinal);
        var expected = $"dotnet tool run kiota generate {Arguments}"
            + $" --openapi \"{Path.Combine(_workspace.Specs, "telnyx.yaml")}\""
            + $" --output \"{Path.Combine(_workspace.Generated, "Telnyx", "Kiota")}/\""
            + " --namespace-name BalanceClients.Generated.Telnyx.Kiota --class-name TelnyxApiClient";
        Assert.Equal(expected, Assert.Single(GenerationWorkspace.GeneratorRuns(output)));
    }

    [Fact]
    public async Task GenerateApiClients_KiotaClient_StampsKiotaItsVersionAndItsInputs()
    {
        _workspace.Delete("Telnyx/kiota.stamp");

        await _workspace.RunGenerationAsync();

        var spec = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(_workspace.Specs, "telnyx.yaml"))));
        var expected = $"""
            generator: Kiota 1.38.0
            spec-sha256: {spec}
            namespace: BalanceClients.Generated.Telnyx.Kiota
            class: TelnyxApiClient
            settings: kiota generate {Arguments}

            """;
        Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Telnyx", "kiota.stamp")));
    }

    [Fact]
    public async Task GenerateApiClients_KiotaClient_ItsOwnLockFileRecordsTheSameInputs()
    {
        _workspace.Delete("Mesh/kiota.stamp");

        await _workspace.RunGenerationAsync();

        var lockFile = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Mesh", "Kiota", "kiota-lock.json")))!;
        Assert.Equal("1.38.0", (string?)lockFile["kiotaVersion"]);
        Assert.Equal("../../../specs/mesh.yaml", (string?)lockFile["descriptionLocation"]);
        Assert.Equal("BalanceClients.Generated.Mesh.Kiota", (string?)lockFile["clientNamespaceName"]);
        Assert.Equal("MeshApiClient", (string?)lockFile["clientClassName"]);
        Assert.True((bool?)lockFile["excludeBackwardCompatible"]);
        Assert.Equal(
            ["Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory"],
            lockFile["deserializers"]!.AsArray().Select(node => (string?)node));
        Assert.False(File.Exists(Path.Combine(_workspace.Generated, "Mesh", "Kiota", ".kiota.log")));
    }

    [Fact]
    public async Task GenerateApiClients_ThreeStaleKiotaClients_RunsOneKiotaProcessPerSpecAndNoNSwag()
    {
        foreach (var provider in new[] { "Telnyx", "Lumenfall", "Mesh" })
        {
            _workspace.Delete($"{provider}/kiota.stamp");
        }

        var output = await _workspace.RunGenerationAsync();

        Assert.Contains("Generating 3 API client(s) with Kiota 1.38.0: Telnyx, Lumenfall, Mesh", output, StringComparison.Ordinal);
        var classes = GenerationWorkspace.GeneratorRuns(output).Select(run => run[(run.LastIndexOf(' ') + 1)..]);
        Assert.Equal(["TelnyxApiClient", "LumenfallApiClient", "MeshApiClient"], classes);
    }

    [Fact]
    public async Task GenerateApiClients_KiotaCleansItsOutput_NeverNSwagsClientOrTheStamps()
    {
        var before = _workspace.Snapshot();
        var leftover = Path.Combine(_workspace.Generated, "Lumenfall", "Kiota", "Leftover.cs");
        await File.WriteAllTextAsync(leftover, "// a model the spec dropped");
        _workspace.Delete("Lumenfall/kiota.stamp");

        await _workspace.RunGenerationAsync();

        Assert.Equal(before, _workspace.Snapshot());
    }

    [Fact]
    public async Task GenerateApiClients_KiotaClientUnchangedSinceItsRun_StartsNoGeneratorProcess()
    {
        _workspace.Delete("Telnyx/kiota.stamp");
        await _workspace.RunGenerationAsync();
        var before = _workspace.Snapshot();

        var output = await _workspace.RunGenerationAsync();

        Assert.Empty(GenerationWorkspace.GeneratorRuns(output));
        Assert.DoesNotContain("dotnet tool restore", output, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.Snapshot());
    }

    public void Dispose() => _workspace.Dispose();
}
