using System.Globalization;
using System.Text.RegularExpressions;
using BalanceClients.FakeProviders;

namespace BalanceClients.Tests.Cli;

/// <summary>The Prometheus output follows the text exposition format's rules, whatever the account names hold.</summary>
public sealed partial class PrometheusFormatTests
{
    [Fact]
    public async Task Prometheus_HostileAccountNames_FollowsTheExpositionFormat()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["mesh"].Default = FakeResponse.Text(503, null);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file,
            [
                AccountLines.Antgst("""quote \" backslash \\ newline \n end"""),
                AccountLines.Antgst("plain"),
                AccountLines.Mesh("down"),
                """{"provider":"lumenfall","name":"utf8 ✓ ünïcode","credentials":{"ApiKey":"demo-lumenfall-api-key"}}""",
            ]);

            var run = await CliRun.InProcessAsync(
                fakes.Environment, false, "check", "--format", "prometheus", "--accounts", file, "--min", "antgst=0");

            Assert.Equal(1, run.ExitCode);
            AssertExpositionFormat(run.Out);
            Assert.Contains("""account="quote \" backslash \\ newline \n end",""", run.Out, StringComparison.Ordinal);
            Assert.Contains(
                """balances_check_error{provider="mesh",account="down",kind="unavailable"} 1""", run.Out, StringComparison.Ordinal);
            Assert.Contains("""balances_low{provider="antgst",account="plain"} 1""", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    [Fact]
    public async Task Prometheus_TemporaryDirectoryMissing_AsAProcess_NeedsNone()
    {
        var run = await CliRun.ProcessAsync(
            new Dictionary<string, string?> { ["TMPDIR"] = "/nonexistent" }, "check", "--demo", "--format", "prometheus");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        AssertExpositionFormat(run.Out);
    }

    private static void AssertExpositionFormat(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        string? family = null;
        var typed = false;
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (HelpLine().Match(line) is { Success: true } help)
            {
                Assert.True(family is null || finished.Add(family), $"metric {family} appears twice");
                family = help.Groups[1].Value;
                Assert.DoesNotContain(family, finished);
                typed = false;
                continue;
            }

            if (TypeLine().Match(line) is { Success: true } type)
            {
                Assert.Equal(family, type.Groups[1].Value);
                typed = true;
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a valid sample line: {line}");
            Assert.True(typed, $"sample before its # TYPE line: {line}");
            Assert.Equal(family, sample.Groups[1].Value);
            Assert.True(double.TryParse(sample.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), line);
            Assert.True(series.Add(sample.Groups[1].Value + "{" + sample.Groups[2].Value + "}"), $"duplicate series: {line}");
        }
    }

    [GeneratedRegex(@"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S.*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(
        """^([a-zA-Z_:][a-zA-Z0-9_:]*)\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")"""
        + """(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*)\} (\S+)$""")]
    private static partial Regex SampleLine();
}
