using System.Security.Cryptography;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Generation;

/// <summary>
/// Runs the build's generation target on a copy of specs/ and generated/: what changed is regenerated, by both generators,
/// and nothing else; a build with nothing changed starts no generator at all.
/// </summary>
public sealed class ClientGenerationTests : IDisposable
{
    private readonly GenerationWorkspace _workspace = new();

    [Fact]
    public async Task GenerateApiClients_NothingChanged_StartsNoGeneratorProcess()
    {
        var before = _workspace.Snapshot();

        var output = await _workspace.RunGenerationAsync();

        Assert.Empty(GenerationWorkspace.GeneratorRuns(output));
        Assert.DoesNotContain("Generating", output, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet tool restore", output, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.Snapshot());
    }

    [Fact]
    public async Task GenerateApiClients_OneSpecGainsAField_RegeneratesExactlyThatProvidersTwoClients()
    {
        var before = _workspace.Snapshot();
        await _workspace.EditSpecAsync(
            "undrctrl.yaml",
            "    UndrctrlBalance:\n      type: object\n      properties:\n",
            "    UndrctrlBalance:\n      type: object\n      properties:\n        bonus_credit:\n          type: string\n");

        var output = await _workspace.RunGenerationAsync();

        Assert.Contains("Generating 1 API client(s) with NSwag 14.8.0: Undrctrl", output, StringComparison.Ordinal);
        Assert.Contains("Generating 1 API client(s) with Kiota 1.38.0: Undrctrl", output, StringComparison.Ordinal);
        Assert.Equal(2, GenerationWorkspace.GeneratorRuns(output).Count);
        var nswag = await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Undrctrl", "UndrctrlClient.g.cs"));
        Assert.Contains("public string? Bonus_credit { get; set; }", nswag, StringComparison.Ordinal);
        var kiota = await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Undrctrl", "Kiota", "Models", "UndrctrlBalance.cs"));
        Assert.Contains("public string? BonusCredit { get; set; }", kiota, StringComparison.Ordinal);
        var after = _workspace.Snapshot();
        var changed = before.Keys.Where(file => before[file] != after[file]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "Undrctrl/Kiota/Models/UndrctrlBalance.cs", "Undrctrl/Kiota/kiota-lock.json", "Undrctrl/UndrctrlClient.g.cs",
            "Undrctrl/kiota.stamp", "Undrctrl/nswag.stamp",
        ],
            changed);
    }

    [Fact]
    public async Task GenerateApiClients_SettingsDocumentEdited_RegeneratesEveryNSwagClientAloneAndStampsItsDigest()
    {
        var document = Path.Combine(_workspace.Root, "csharp-client.nswag");
        File.Copy(Path.Combine(RepoPaths.Root, "build", "nswag", "csharp-client.nswag"), document);
        var useCopy = $"-p:NSwagClientDocument={document}";
        await _workspace.RunGenerationAsync(useCopy);
        var text = await File.ReadAllTextAsync(document);
        await File.WriteAllTextAsync(document, text.Replace(
            "\"generateSyncMethods\": false", "\"generateSyncMethods\": true", StringComparison.Ordinal));

        var output = await _workspace.RunGenerationAsync(useCopy);

        Assert.Contains("Generating 5 API client(s) with NSwag", output, StringComparison.Ordinal);
        Assert.DoesNotContain("with Kiota", output, StringComparison.Ordinal);
        var client = await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Telnyx", "TelnyxClient.g.cs"));
        Assert.Contains("public virtual UserBalanceResponse GetUserBalance(", client, StringComparison.Ordinal);
        var stamp = await File.ReadAllTextAsync(Path.Combine(_workspace.Generated, "Telnyx", "nswag.stamp"));
        var digest = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(document)));
        Assert.Contains($"csharp-client.nswag sha256:{digest}\n", stamp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateApiClients_Forced_ReproducesBothGeneratorsCommittedClientsByteForByte()
    {
        var committed = _workspace.Snapshot();
        Directory.Delete(_workspace.Generated, recursive: true);

        var output = await _workspace.RunGenerationAsync("-p:ForceApiClientGeneration=true");

        Assert.Contains("Generating 5 API client(s) with NSwag", output, StringComparison.Ordinal);
        Assert.Contains("Generating 5 API client(s) with Kiota", output, StringComparison.Ordinal);
        Assert.Equal(committed, _workspace.Snapshot());
    }

    public void Dispose() => _workspace.Dispose();
}
