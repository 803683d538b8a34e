using System.Globalization;
using System.Text.Json;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Cli;

/// <summary>
/// The log lines on standard error (<c>--verbose</c>, serve's warnings) as a real process writes them: one line per entry, no
/// control character of an account name or a request path, no secret, and no line per health probe.
/// </summary>
[Trait(CliRun.Category, CliRun.RunsAsAProcess)]
public sealed class LogLineTests
{
    [Fact]
    public async Task CheckVerbose_HostileAccountNameAndAProviderQuotingTheSecret_LogsEscapedLinesWithoutIt()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["undrctrl"].Default = FakeResponse.Json(200, """{"error":"bad key demo-undrctrl-api-key"}""");
        using var file = await TempFile.WithLinesAsync(AccountLines.Undrctrl(@"esc\u001b[2J\u0007bell\rreturn"));

        var run = await CliRun.ProcessAsync(fakes.Environment, "check", "--format", "json", "--accounts", file.Path, "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(@"undrctrl/esc\u001b[2J\u0007bell\u000dreturn", run.Error, StringComparison.Ordinal);
        Assert.All(run.Error.TrimEnd('\n').Split('\n'), line =>
            Assert.Matches(@"^(trce|dbug|info|warn|fail|crit): [\w.]+\[\d+\] [^\x00-\x1f\x7f]*$", line));
        Assert.DoesNotContain("demo-undrctrl-api-key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckVerbose_LogFormatJson_WritesOneJsonObjectPerEntryInTheConsoleJsonFormattersShape_WithoutTheSecret()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["undrctrl"].Default = FakeResponse.Json(200, """{"error":"bad key demo-undrctrl-api-key"}""");
        using var file = await TempFile.WithLinesAsync(AccountLines.Undrctrl(@"esc\u001b[2J\u0007bell\rreturn"));

        var run = await CliRun.ProcessAsync(
            fakes.Environment, "check", "--format", "json", "--accounts", file.Path, "--verbose", "--log-format", "json");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.DoesNotMatch(@"[\x00-\x1f\x7f]", line));
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.All(entries, entry =>
        {
            Assert.Equal(
                ["Timestamp", "EventId", "LogLevel", "Category", "Message", "State"],
                entry.EnumerateObject().Select(property => property.Name).Where(name => name != "Exception"));
            var timestamp = entry.GetProperty("Timestamp").GetString()!;
            Assert.EndsWith("Z", timestamp, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture).Offset);
            Assert.Equal(JsonValueKind.Number, entry.GetProperty("EventId").ValueKind);
            Assert.True(entry.GetProperty("LogLevel").GetString() is "Information" or "Warning" or "Error");
        });
        var failed = Assert.Single(entries, entry => entry.GetProperty("State").TryGetProperty("ErrorKind", out _));
        Assert.Equal("esc\u001b[2J\u0007bell\rreturn", failed.GetProperty("State").GetProperty("Account").GetString());
        Assert.Equal("BalanceClients.BalanceChecker", failed.GetProperty("Category").GetString());
        Assert.DoesNotContain("demo-undrctrl-api-key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LogFormatJsonAndAConfigurationMistake_SaysItInOnePlainLine()
    {
        var run = await CliRun.ProcessAsync(new Dictionary<string, string?>(), "check", "--log-format", "json", "--provider", "telnyx");

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("balances: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("serve")]
    [InlineData("history")]
    public async Task EveryCommand_LogFormatOtherThanTextOrJson_IsAUsageError(string command)
    {
        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, command, "--log-format", "xml");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("--log-format", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckVerbose_RetriedRequest_LogsOneLinePerRetryAndNoResilienceTelemetry()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["undrctrl"].Default = FakeResponse.Text(503, null);
        var environment = new Dictionary<string, string?>(fakes.Environment)
        {
            ["Balances__Providers__undrctrl__Resilience__RetryBaseDelay"] = "00:00:00.010",
        };

        var run = await CliRun.ProcessAsync(environment, "check", "--format", "json", "--provider", "undrctrl", "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, fakes["undrctrl"].Requests.Count);
        Assert.Equal(2, run.Error.Split('\n').Count(line => line.StartsWith("info: BalanceClients.Http[", StringComparison.Ordinal)));
        Assert.DoesNotContain("Polly", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeVerbose_ProbesAndHostileRequestPaths_LogChecksAndEscapedRequestsButNoProbeFailures()
    {
        await using var serve = await WatchedServe.StartAsync(
            new Dictionary<string, string?>(), "--demo", "--listen", "127.0.0.1:0", "--min", "undrctrl=2000", "--verbose");
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
        await WaitUntilAsync(() => serve.Output.Contains("Checked undrctrl/default", StringComparison.Ordinal));

        for (var i = 0; i < 20; i++)
        {
            using var health = await http.GetAsync("/health");
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        using var hostile = await http.GetAsync("/%1b%5b2Jall-fine%07");
        await WaitUntilAsync(() => serve.Output.Contains("all-fine", StringComparison.Ordinal));

        Assert.Contains(@"/\u001b[2Jall-fine\u0007", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("HealthCheck", serve.Output, StringComparison.Ordinal);
    }

    // The process logs on its own schedule: its output is polled, on real time, with a deadline.
    private static Task WaitUntilAsync(Func<bool> condition) =>
        Bounded.UntilAsync(_ => Task.FromResult(condition()), "a line in balances serve's output");
}
