using System.Text.Json;
using BalanceClients.FakeProviders;

namespace BalanceClients.Tests.Cli;

/// <summary>Standard output that cannot be written (closed, full, a pipe whose reader left) stops the run: one line, exit 1.</summary>
public sealed class StandardOutputTests
{
    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Theory]
    [InlineData(">&-", "json", "Bad file descriptor")]
    [InlineData(">&-", "table", "Bad file descriptor")]
    [InlineData(">&-", "prometheus", "Bad file descriptor")]
    [InlineData("> /dev/full", "json", "No space left on device")]
    [InlineData("> /dev/full", "table", "No space left on device")]
    [InlineData("> /dev/full", "prometheus", "No space left on device")]
    public async Task Check_StandardOutputClosedOrFull_AsAProcess_ExitsOneWithOneLine(string redirection, string format, string reason)
    {
        var run = await CliRun.ProcessAsync(
            new CliProcessOptions(redirection), new Dictionary<string, string?>(), "check", "--demo", "--format", format);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"balances: cannot write to standard output: {reason}\n", run.Error);
    }

    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    public async Task Help_StandardOutputClosed_AsAProcess_ExitsOneWithOneLine(string option)
    {
        var run = await CliRun.ProcessAsync(new CliProcessOptions(">&-"), new Dictionary<string, string?>(), option);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("balances: cannot write to standard output: Bad file descriptor\n", run.Error);
    }

    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Theory]
    [InlineData(">&- 2>&-", new[] { "check", "--demo" }, 1)]
    [InlineData("2>&-", new[] { "check" }, 64)]
    [InlineData("2>&-", new[] { "check", "--timeout", "never" }, 64)]
    public async Task Check_StandardErrorClosed_AsAProcess_KeepsTheExitStatus(string redirection, string[] args, int exitCode)
    {
        var run = await CliRun.ProcessAsync(new CliProcessOptions(redirection), new Dictionary<string, string?>(), args);

        Assert.Equal(exitCode, run.ExitCode);
    }

    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Fact]
    public async Task Check_OutputAndErrorToOneFile_AsAProcess_KeepsBoth()
    {
        using var log = TempFile.Missing();

        var run = await CliRun.ProcessAsync(
            new CliProcessOptions($"> '{log.Path}' 2>&1"),
            new Dictionary<string, string?> { ["Balances__Timeout"] = "00:00:30" },
            "check", "--demo", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(log.Path);
        Assert.Equal(
            "balances: --demo checks only its built-in fake providers; ignoring Balances__Timeout from the environment.",
            lines[0]);
        using var document = JsonDocument.Parse(string.Join('\n', lines.Skip(1)));
        Assert.Equal(5, document.RootElement.GetProperty("results").GetArrayLength());
    }

    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Fact]
    public async Task Check_OutputPipedIntoHeadOfOneLine_AsAProcess_StopsCheckingSoonAfterHeadExits()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        using var file = await TempFile.WithLinesAsync(AccountLines.Many(3000));

        var run = await CliRun.ProcessAsync(
            new CliProcessOptions("| head -1"), fakes.Environment, "check", "--format", "json", "--accounts", file.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("balances: cannot write to standard output: Broken pipe\n", run.Error);
        using var first = JsonDocument.Parse(run.Out);
        var requests = fakes["undrctrl"].Requests.Count;
        Assert.True(requests < 1000, $"{requests} of 3000 accounts were checked although head exited after the first");
    }

    [Fact]
    public async Task Check_OutputWriterFails_CancelsTheRemainingChecksAndExitsOne()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        using var file = await TempFile.WithLinesAsync(AccountLines.Many(2000));
        using var output = new FirstWriteHook(() => throw new IOException("Broken pipe", 32));

        var run = await CliRun.InProcessAsync(
            output, fakes.Environment, false, CancellationToken.None, "check", "--format", "json", "--accounts", file.Path);

        Assert.Equal((1, "balances: cannot write to standard output: Broken pipe\n"), (run.ExitCode, run.Error));
        var requests = fakes["undrctrl"].Requests.Count;
        Assert.True(requests < 200, $"{requests} of 2000 accounts were checked although the output failed at the first");
    }

    [Fact]
    public async Task Check_Cancelled_ExitsOneHundredThirtyWithoutAStackTrace()
    {
        using var output = new MemoryStream();

        var run = await CliRun.InProcessAsync(
            output, new Dictionary<string, string?>(), false, new CancellationToken(canceled: true), "check", "--demo");

        Assert.Equal((130, string.Empty), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Check_UnexpectedFailure_ExitsOneWithTheErrorOnStderr()
    {
        using var output = new FirstWriteHook(() => throw new InvalidOperationException("a bug"));

        var run = await CliRun.InProcessAsync(
            output, new Dictionary<string, string?>(), false, CancellationToken.None, "check", "--demo", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("balances: unexpected error: System.InvalidOperationException: a bug", run.Error, StringComparison.Ordinal);
    }
}
