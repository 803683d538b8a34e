using System.Text;
using System.Text.Json;
using BalanceClients.Cli.Inputs;
using BalanceClients.Configuration;
using BalanceClients.FakeProviders;

namespace BalanceClients.Tests.Cli;

/// <summary><c>--accounts FILE</c>: the whole file is read and checked before any provider is called.</summary>
public sealed class AccountsFileTests
{
    [Theory]
    [InlineData("""{"provider":"nope","name":"x","credentials":{}}""",
        "line 101 of {0}: 'nope' is not a known provider")]
    [InlineData("""{"provider":"undrctrl","name":"x","credentials":{"ApiKey": 5}}""",
        "line 101 of {0}: credentials.ApiKey must be a string.")]
    [InlineData("""{"provider":"undrctrl","name":"x","credentials":{"ApiKey":"a","apikey":"b"}}""",
        "line 101 of {0}: credentials.apikey is given twice.")]
    [InlineData("""{"provider":"undrctrl","provider":"mesh","name":"x","credentials":{"ApiKey":"a"}}""",
        "line 101 of {0} is not valid JSON (each key may appear once).")]
    [InlineData("""{"provider":"undrctrl","name":"x","credentials":{"ApiKey":"s3cret"}""",
        "line 101 of {0} is not valid JSON (each key may appear once).")]
    [InlineData("""{"provider":"undrctrl","name":"\ud800","credentials":{"ApiKey":"k"}}""",
        "line 101 of {0}: a string holds a lone UTF-16 surrogate escape.")]
    [InlineData("""{"provider":"undrctrl","name":"x","credentials":{"ApiKey":"s3cret\udc00"}}""",
        "line 101 of {0}: a string holds a lone UTF-16 surrogate escape.")]
    [InlineData("""{"provider":"undrctrl","name":"u7","credentials":{"ApiKey":"k"}}""",
        "line 101 of {0}: undrctrl 'u7' is the same account as line 8 (names are compared ignoring case).")]
    [InlineData("""{"provider":"UNDRCTRL","name":"U7","credentials":{"ApiKey":"k"}}""",
        "line 101 of {0}: undrctrl 'U7' is the same account as line 8 (names are compared ignoring case).")]
    public async Task Check_BadLineAfterGoodOnes_ChecksNothingAndExitsSixtyFourNamingTheLine(string badLine, string message)
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        using var file = await TempFile.WithLinesAsync([.. AccountLines.Many(100), badLine]);

        var run = await CliRun.InProcessAsync(fakes.Environment, false, "check", "--format", "json", "--accounts", file.Path);

        Assert.Equal(64, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Empty(fakes["undrctrl"].Requests);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            "balances: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, file.Name),
            line,
            StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\t\r\n")]
    public async Task Check_AccountsFileWithNoAccounts_ExitsSixtyFour(string content)
    {
        using var file = await TempFile.WithTextAsync(content, ".jsonl");

        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "check", "--accounts", file.Path);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"balances: --accounts '{file.Path}': no accounts in the file.", run.Error.TrimEnd('\n'));
    }

    [Fact]
    public async Task Check_AccountsFileWithALineLongerThanTheLimit_ExitsSixtyFourNamingTheLine()
    {
        using var file = await TempFile.WithLinesAsync(
            AccountLines.Undrctrl("a"), AccountLines.Undrctrl(new string('b', AccountsFile.MaxLineBytes)));

        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "check", "--accounts", file.Path);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"balances: line 2 of {file.Name} is longer than 64 KiB.", run.Error.TrimEnd('\n'));
    }

    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Fact]
    public async Task Check_AccountsFileWithAFiftyMegabyteLine_AsAProcessWithAHeapOfOneHundredMegabytes_ExitsSixtyFour()
    {
        using var file = await TempFile.WithLinesAsync(AccountLines.Undrctrl("a"));
        await using (var stream = new FileStream(file.Path, FileMode.Append))
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1024 * 1024));
            for (var i = 0; i < 50; i++)
            {
                await stream.WriteAsync(chunk);
            }
        }

        var environment = new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x6400000" };
        var run = await CliRun.ProcessAsync(environment, "check", "--accounts", file.Path);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"balances: line 2 of {file.Name} is longer than 64 KiB.", run.Error.TrimEnd('\n'));
    }

    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Fact]
    public async Task Check_AccountsFromAPipe_ChecksThem()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);

        var run = await CliRun.ProcessAsync(
            new CliProcessOptions(ShellSuffix: $"--accounts <(echo '{AccountLines.Undrctrl("a")}')"),
            fakes.Environment,
            "check",
            "--format",
            "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("a", JsonDocument.Parse(run.Out.Split('\n')[0]).RootElement.GetProperty("account").GetString());
        Assert.Single(fakes["undrctrl"].Requests);
    }

    [Fact]
    public async Task Check_ProviderWithNoAccountInTheFile_ExitsSixtyFour()
    {
        using var file = await TempFile.WithLinesAsync(AccountLines.Undrctrl("a"));

        var run = await CliRun.InProcessAsync(
            new Dictionary<string, string?>(), false, "check", "--accounts", file.Path, "--provider", "telnyx");

        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"balances: --provider telnyx: --accounts '{file.Path}' has no telnyx account.", run.Error.TrimEnd('\n'));
    }

    [Fact]
    public async Task ReadAsync_FileWithBlankLinesAndWindowsLineEnds_ReadsEveryAccountOnce()
    {
        var text = "\uFEFF" + AccountLines.Undrctrl("a") + "\r\n\r\n" + AccountLines.Undrctrl("b") + "\n   \n" + AccountLines.Undrctrl("c");
        using var file = await TempFile.WithTextAsync(text, ".jsonl");

        var accounts = await AccountsFile.ReadAsync(file.Path, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], accounts.Accounts.Select(account => account.Name));
    }

    [Fact]
    public async Task ReadAsync_DuplicateAccount_ThrowsNamingBothLines()
    {
        using var file = await TempFile.WithLinesAsync(AccountLines.Undrctrl("Team"), string.Empty, AccountLines.Undrctrl("team"));

        var error = await Assert.ThrowsAsync<BalanceConfigurationException>(
            () => AccountsFile.ReadAsync(file.Path, CancellationToken.None));

        Assert.Equal(
            $"line 3 of {file.Name}: undrctrl 'team' is the same account as line 1 (names are compared ignoring case).",
            error.Message);
    }
}
