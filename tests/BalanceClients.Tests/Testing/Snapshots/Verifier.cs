using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace BalanceClients.Tests.Testing.Snapshots;

/// <summary>
/// The smallest snapshot checker with Verify's conventions, so that <c>Verify.Xunit</c> can replace it without touching the tests:
/// <c>{TestClass}.{TestMethod}.verified.{ext}</c> beside the test file; on a mismatch a <c>.received.</c> file is written
/// and the test fails with a diff; <c>VERIFY_ACCEPT=true</c> accepts received snapshots.
/// </summary>
public static class Verifier
{
    /// <summary>Verifies JSON text against <c>{Class}.{Method}.verified.json</c>.</summary>
    public static Task VerifyJson(string json, [CallerFilePath] string sourceFile = "", [CallerMemberName] string methodName = "") =>
        Verify(json, "json", sourceFile, methodName);

    /// <summary>Verifies text against <c>{Class}.{Method}.verified.{extension}</c> (<c>txt</c> by default).</summary>
    public static Task Verify(
        string target,
        string extension = "txt",
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string methodName = "") =>
        VerifyCoreAsync(target, extension, sourceFile, methodName, VerifierSettings.AcceptReceived);

    internal static async Task VerifyCoreAsync(string target, string extension, string sourceFile, string methodName, bool accept)
    {
        ArgumentNullException.ThrowIfNull(target);
        var directory = Path.GetDirectoryName(sourceFile)!;
        var prefix = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{methodName}");
        var verifiedPath = $"{prefix}.verified.{extension}";
        var receivedPath = $"{prefix}.received.{extension}";
        var received = VerifierSettings.Scrub(target);
        if (!received.EndsWith('\n'))
        {
            received += "\n";
        }

        var verified = File.Exists(verifiedPath) ? (await File.ReadAllTextAsync(verifiedPath)).ReplaceLineEndings("\n") : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (accept)
        {
            await File.WriteAllTextAsync(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        await File.WriteAllTextAsync(receivedPath, received);
        var headline = verified is null
            ? $"No verified snapshot: {Path.GetFileName(verifiedPath)}."
            : $"The snapshot differs from {Path.GetFileName(verifiedPath)}.";
        throw new XunitException(string.Join(
            "\n",
            headline,
            $"Received: {receivedPath}",
            $"Accept it by renaming it to .verified.{extension}, or run the tests with {VerifierSettings.AcceptVariable}=true.",
            SnapshotDiff.Describe(verified ?? string.Empty, received)));
    }
}
