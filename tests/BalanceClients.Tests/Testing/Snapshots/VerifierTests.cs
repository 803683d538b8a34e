namespace BalanceClients.Tests.Testing.Snapshots;

public sealed class VerifierTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verifier-").FullName;

    private string SourceFile => Path.Combine(_directory, "SampleTests.cs");

    [Fact]
    public async Task Verify_MatchingSnapshot_PassesAndLeavesNoReceivedFile()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "SampleTests.Method.verified.txt"), "line one\nline two\n");

        await Verifier.VerifyCoreAsync("line one\r\nline two", "txt", SourceFile, "Method", accept: false);

        Assert.False(File.Exists(Path.Combine(_directory, "SampleTests.Method.received.txt")));
    }

    [Fact]
    public async Task Verify_DifferentSnapshot_WritesReceivedAndFailsWithADiff()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "SampleTests.Method.verified.json"), "{\n  \"amount\": 1.00\n}\n");

        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => Verifier.VerifyCoreAsync("{\n  \"amount\": 2.00\n}", "json", SourceFile, "Method", accept: false));

        Assert.Contains("- " + "  \"amount\": 1.00", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+ " + "  \"amount\": 2.00", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SampleTests.Method.received.json", failure.Message, StringComparison.Ordinal);
        Assert.Equal(
            "{\n  \"amount\": 2.00\n}\n",
            await File.ReadAllTextAsync(Path.Combine(_directory, "SampleTests.Method.received.json")));
    }

    [Fact]
    public async Task Verify_NoVerifiedSnapshot_Fails()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => Verifier.VerifyCoreAsync("new", "txt", SourceFile, "Fresh", accept: false));

        Assert.StartsWith("No verified snapshot: SampleTests.Fresh.verified.txt", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "SampleTests.Fresh.received.txt")));
    }

    [Fact]
    public async Task Verify_AcceptSwitch_WritesTheVerifiedSnapshot()
    {
        await Verifier.VerifyCoreAsync("accepted", "txt", SourceFile, "Accept", accept: true);

        Assert.Equal("accepted\n", await File.ReadAllTextAsync(Path.Combine(_directory, "SampleTests.Accept.verified.txt")));
        Assert.False(File.Exists(Path.Combine(_directory, "SampleTests.Accept.received.txt")));
    }

    [Fact]
    public async Task Verify_Scrubbers_ReplacePortsDurationsAndTimes()
    {
        await File.WriteAllTextAsync(
            Path.Combine(_directory, "SampleTests.Scrub.verified.txt"),
            "http://127.0.0.1:{Port}/telnyx at {Time}\nbalances_check_duration_seconds{provider=\"x\"} {Duration}\n");

        await Verifier.VerifyCoreAsync(
            "http://127.0.0.1:40123/telnyx at 2026-11-22T03:00:00.123+00:00\nbalances_check_duration_seconds{provider=\"x\"} 0.0042",
            "txt",
            SourceFile,
            "Scrub",
            accept: false);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
