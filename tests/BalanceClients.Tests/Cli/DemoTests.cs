using System.Text.Json;

namespace BalanceClients.Tests.Cli;

/// <summary><c>--demo</c> checks its built-in fakes only, and says so instead of silently ignoring other settings.</summary>
public sealed class DemoTests
{
    [Theory]
    [InlineData("--config")]
    [InlineData("--accounts")]
    public async Task Check_DemoWithAFileOfSettings_ExitsSixtyFourWithOneLine(string flag)
    {
        var file = Path.GetTempFileName();
        try
        {
            var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "check", "--demo", flag, file);

            Assert.Equal(64, run.ExitCode);
            Assert.Empty(run.Out);
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal($"balances: --demo checks only its built-in fake providers: it cannot be combined with {flag}.", line);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("UNDRCTRL_API_KEY")]
    [InlineData("ANTGST_AUTH_SECRET")]
    [InlineData("TELNYX_API_KEY")]
    [InlineData("LUMENFALL_API_KEY")]
    [InlineData("MESH_CLIENT_ID")]
    [InlineData("MESH_BROKER_TYPE")]
    [InlineData("TELNYX_BASE_URL")]
    [InlineData("MESH_BASE_URL")]
    [InlineData("Balances__Timeout")]
    [InlineData("BALANCES__PROVIDERS__MESH__ACCOUNTS__A__CLIENTSECRET")]
    public async Task Check_DemoWithProviderSettingsInTheEnvironment_ChecksTheFakesAndSaysSoInOneLine(string variable)
    {
        var environment = new Dictionary<string, string?> { [variable] = "s3cret", ["NO_COLOR"] = "1", ["PATH"] = "/usr/bin" };

        var run = await CliRun.InProcessAsync(environment, false, "check", "--demo", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(5, document.RootElement.GetProperty("results").GetArrayLength());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"balances: --demo checks only its built-in fake providers; ignoring {variable} from the environment.", line);
        Assert.DoesNotContain("s3cret", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DemoWithSeveralProviderSettings_NamesEachOnceInOneLine()
    {
        var environment = new Dictionary<string, string?>
        {
            ["TELNYX_API_KEY"] = "k",
            ["Balances__Timeout"] = "00:00:01",
            ["UNDRCTRL_API_KEY"] = string.Empty,
        };

        var run = await CliRun.InProcessAsync(environment, false, "check", "--demo", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "balances: --demo checks only its built-in fake providers; ignoring Balances__Timeout, TELNYX_API_KEY from the environment.",
            run.Error.TrimEnd('\n'));
    }
}
