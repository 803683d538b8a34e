using System.Security.Cryptography;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Generation;

/// <summary>Runs the build's generation target on a copy of specs/ and generated/: what changes is regenerated, nothing else.</summary>
public sealed class ClientGenerationTests : IDisposable
{
    private readonly GenerationWorkspace _workspace = new();

    [Fact]
    public async Task GenerateApiClients_NothingChanged_StartsNoGenerator()
    {
        var before = _workspace.Snapshot();

        var output = await _workspace.RunGenerationAsync();

        Assert.DoesNotContain("Generating", output, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.Snapshot());
    }

    [Fact]
    public async Task GenerateApiClients_OneSpecGainsAField_RegeneratesExactlyThatClient()
    {
        var before = _workspace.Snapshot();
        await _workspace.EditSpecAsync(
            "undrctrl.yaml",
            "    UndrctrlBalance:\n      type: object\n      properties:\n",
            "    UndrctrlBalance:\n      type: object\n      properties:\n        bonus_credit:\n          type: string\n");

        var output = await _workspace.RunGenerationAsync();

        Assert.Contains("Generating 1 API client(s) with NSwag 14.7.1: Undrctrl", output, StringComparison.Ordinal);
        var client = await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Undrctrl", "UndrctrlClient.g.cs"));
        Assert.Contains("public string? Bonus_credit { get; set; }", client, StringComparison.Ordinal);
        var after = _workspace.Snapshot();
        var changed = before.Keys.Where(file => before[file] != after[file]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Undrctrl/UndrctrlClient.g.cs", "Undrctrl/generation.stamp"], changed);
    }

    [Fact]
    public async Task GenerateApiClients_SettingsDocumentEdited_RegeneratesEveryClientAndStampsItsDigest()
    {
        var document = Path.Combine(_workspace.Root, "csharp-client.nswag");
        File.Copy(Path.Combine(RepoPaths.Root, "build", "nswag", "csharp-client.nswag"), document);
        var useCopy = $"-p:NSwagClientDocument={document}";
        await _workspace.RunGenerationAsync(useCopy);
        var text = await File.ReadAllTextAsync(document);
        await File.WriteAllTextAsync(document, text.Replace(
            "\"generateSyncMethods\": false", "\"generateSyncMethods\": true", StringComparison.Ordinal));

        var output = await _workspace.RunGenerationAsync(useCopy);

        Assert.Contains("Generating 5 API client(s)", output, StringComparison.Ordinal);
        var client = await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Telnyx", "TelnyxClient.g.cs"));
        Assert.Contains("public virtual UserBalanceResponse GetUserBalance(", client, StringComparison.Ordinal);
        var stamp = await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Telnyx", "generation.stamp"));
        var digest = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(document)));
        Assert.Contains($"csharp-client.nswag sha256:{digest}\n", stamp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateApiClients_Forced_ReproducesTheCommittedClientsByteForByte()
    {
        var committed = _workspace.Snapshot();
        Directory.Delete(_workspace.Generated, recursive: true);

        var output = await _workspace.RunGenerationAsync("-p:ForceApiClientGeneration=true");

        Assert.Contains("Generating 5 API client(s)", output, StringComparison.Ordinal);
        Assert.Equal(committed, _workspace.Snapshot());
    }

    public void Dispose() => _workspace.Dispose();
}
