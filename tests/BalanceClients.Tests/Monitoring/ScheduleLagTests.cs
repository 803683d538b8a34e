using BalanceClients.Configuration;
using BalanceClients.Providers;
using BalanceClients.Monitoring;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Monitoring;

/// <summary>How far behind its schedule an account runs, and the one line that says a provider's rate cannot keep the interval.</summary>
public sealed class ScheduleLagTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LagAt_ADueCheck_GrowsUntilItEnds_ThenIsHowLateItEnded()
    {
        var schedule = new AccountSchedule(Account("telnyx", "eu"), Due);

        Assert.Equal(TimeSpan.Zero, schedule.LagAt(Due - TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(12), schedule.LagAt(Due + TimeSpan.FromSeconds(12)));

        schedule.Complete(Result(), Due + TimeSpan.FromSeconds(40), TimeSpan.FromMinutes(5), 0.5);

        Assert.Equal(TimeSpan.FromSeconds(40), schedule.LagAt(Due + TimeSpan.FromSeconds(41)));
        schedule.Complete(Result(), Due + TimeSpan.FromSeconds(340.5), TimeSpan.FromMinutes(5), 0.5);
        Assert.Equal(TimeSpan.FromSeconds(0.5), schedule.LagAt(Due + TimeSpan.FromSeconds(341)));
    }

    [Fact]
    public void Check_MoreAccountsThanTheRateFitsInTheInterval_SaysSoOncePerChange()
    {
        var logs = new CapturingLoggerProvider();
        var pace = new SchedulePace(logs.CreateLogger("BalanceClients.Monitoring"));
        var checker = new BalanceCheckerOptions();
        checker.GetProvider("telnyx").RateLimit.RequestsPerSecond = 0.5;
        checker.GetProvider("mesh").RateLimit.RequestsPerSecond = 100;
        var monitor = new BalanceMonitorOptions { Interval = TimeSpan.FromSeconds(10) };
        var others = Accounts("mesh", 900).Concat(Accounts("undrctrl", 3000)).ToList();
        var fits = Accounts("telnyx", 5).Concat(others).ToList();
        var tooMany = Accounts("telnyx", 6).Concat(others).ToList();

        pace.Check(fits, checker, monitor);
        Assert.Empty(logs.Lines);

        pace.Check(tooMany, checker, monitor);
        pace.Check(tooMany, checker, monitor);
        var line = Assert.Single(logs.Lines);
        Assert.Contains(
            "telnyx: 6 accounts at 0.5 requests/s need 12 s per round, longer than the 10 s interval: their checks will run late",
            line,
            StringComparison.Ordinal);
    }

    private static IEnumerable<BalanceAccount> Accounts(string provider, int count) =>
        Enumerable.Range(0, count).Select(i => Account(provider, $"a{i}"));

    private static BalanceAccount Account(string provider, string name) =>
        new(provider, name, new ApiKeyCredentials("demo-key"));

    private static BalanceCheckResult Result() =>
        new("telnyx", "eu", null, new BalanceError(BalanceErrorKind.Timeout, null, null, "no answer"), TimeSpan.Zero);
}
