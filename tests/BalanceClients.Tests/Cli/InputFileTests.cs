using System.Runtime.Versioning;
using System.Text.Json;
using BalanceClients.FakeProviders;

namespace BalanceClients.Tests.Cli;

/// <summary><c>--accounts</c> and <c>--config</c> name files a careless user may get wrong: each mistake is one line and exit 64.</summary>
public sealed class InputFileTests
{
    public static TheoryData<string, string, string> UnreadableFiles => new()
    {
        { "--accounts", "/proc/self/mem", "cannot be read: Input/output error." },
        { "--config", "/proc/self/mem", "cannot be read: Input/output error." },
        { "--accounts", "/", "is a directory." },
        { "--config", "/", "is a directory." },
        { "--accounts", "/nonexistent/accounts.jsonl", "no such file." },
        { "--config", "/nonexistent/balances.json", "no such file." },
        { "--config", string.Empty, "not a valid path." },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public async Task Check_FileThatCannotBeRead_ExitsSixtyFourWithOneLineNamingTheFlagAndTheFile(string flag, string path, string reason)
    {
        var run = await CliRun.InProcessAsync(new Dictionary<string, string?> { ["UNDRCTRL_API_KEY"] = "k" }, false, "check", flag, path);

        Assert.Equal(64, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal($"balances: {flag} '{path}': {reason}", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Theory]
    [InlineData("--accounts")]
    [InlineData("--config")]
    [UnsupportedOSPlatform("windows")]
    public async Task Check_FileWithoutReadPermission_AsAProcess_ExitsSixtyFourWithOneLine(string flag)
    {
        using var file = await TempFile.WithTextAsync(flag == "--config" ? "{}" : AccountLines.Undrctrl("a"));
        File.SetUnixFileMode(file.Path, UnixFileMode.None);

        var environment = new Dictionary<string, string?> { ["UNDRCTRL_API_KEY"] = "k" };
        var run = await CliRun.ProcessAsync(new CliProcessOptions(AsAnyUser: true), environment, "check", flag, file.Path);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"balances: {flag} '{file.Path}': permission denied.", run.Error.TrimEnd('\n'));
    }

    [Fact]
    public async Task Check_ConfigFileLargerThanOneMebibyte_ExitsSixtyFour()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        using var file = await TempFile.WithTextAsync(
            $$"""{ "Balances": { "MaxConcurrency": 4 }, "Padding": "{{new string('x', 1024 * 1024)}}" }""");

        var run = await CliRun.InProcessAsync(fakes.Environment, false, "check", "--format", "json", "--config", file.Path);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal(
            $"balances: --config '{file.Path}': larger than 1 MiB, the most a configuration file may hold.",
            run.Error.TrimEnd('\n'));
    }

    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Theory]
    [InlineData("/dev/zero", "larger than 1 MiB, the most a configuration file may hold.")]
    [InlineData("/dev/null", "the file is empty.")]
    public async Task Check_ConfigFromACharacterDevice_AsAProcess_ExitsSixtyFourWithOneLine(string device, string reason)
    {
        var run = await CliRun.ProcessAsync(new Dictionary<string, string?> { ["UNDRCTRL_API_KEY"] = "k" }, "check", "--config", device);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"balances: --config '{device}': {reason}", run.Error.TrimEnd('\n'));
    }

    [Fact]
    public async Task Check_ConfigFromAFifo_ReadsWhatIsWrittenToIt()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        using var fifo = TempFile.Missing();
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo.Path]))
        {
            await mkfifo.WaitForExitAsync();
        }

        const string Settings = """{ "Balances": { "Providers": { "undrctrl": { "Accounts": { "second": { "ApiKey": "k2" } } } } } }""";
        var writer = Task.Run(() => File.WriteAllText(fifo.Path, Settings));
        var environment = new Dictionary<string, string?>
        {
            ["UNDRCTRL_API_KEY"] = "demo-undrctrl-api-key",
            ["UNDRCTRL_BASE_URL"] = fakes["undrctrl"].BaseUrl.ToString(),
        };

        var run = await CliRun.InProcessAsync(environment, false, "check", "--format", "json", "--config", fifo.Path);

        // A tool that never opened the FIFO would leave the writer blocked: fail then, do not hang.
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        using var document = JsonDocument.Parse(run.Out);
        var accounts = document.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("account").GetString());
        Assert.Equal(["default", "second"], accounts);
    }

    [Theory]
    [InlineData("[1, 2]", "Top-level JSON element must be an object. Instead, 'Array' was found.")]
    [InlineData("\"s3cret\"", "Top-level JSON element must be an object. Instead, 'String' was found.")]
    [InlineData("{\n  \"Balances\": s3cret\n}", "not valid JSON (line 2, byte 15).")]
    [InlineData("{ \"Balances\": { \"Timeout\": 1, \"timeout\": 2 } }", "A duplicate key 'Balances:timeout' was found.")]
    [InlineData("{ \"Balances\": { \"Timeout\": \"s3cret\\ud800\" } }", "a string holds a lone UTF-16 surrogate escape.")]
    public async Task Check_ConfigFileThatIsNotAJsonObject_ExitsSixtyFourWithoutItsContent(string content, string reason)
    {
        using var file = await TempFile.WithTextAsync(content);

        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "check", "--config", file.Path);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"balances: --config '{file.Path}': {reason}", run.Error.TrimEnd('\n'));
    }
}
