using BalanceClients.Health;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BalanceClients.Tests.Health;

public sealed class BalancesHealthCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(BalanceLevel.Ok, false, HealthStatus.Healthy)]
    [InlineData(BalanceLevel.Warning, false, HealthStatus.Degraded)]
    [InlineData(BalanceLevel.Unknown, false, HealthStatus.Degraded)]
    [InlineData(BalanceLevel.Critical, false, HealthStatus.Unhealthy)]
    [InlineData(BalanceLevel.Unknown, true, HealthStatus.Unhealthy)]
    public async Task CheckHealth_WorstAccount_DecidesTheStatus(BalanceLevel level, bool failing, HealthStatus expected)
    {
        var monitor = new StubMonitor(Reading("antgst", BalanceLevel.Ok, false), Reading("telnyx", level, failing));

        var result = await Check(monitor, failureStatus: null);

        Assert.Equal(expected, result.Status);
        Assert.Equal(failing ? "failing" : level.ToContractName(), result.Data["telnyx/default"]);
    }

    [Fact]
    public async Task CheckHealth_FailureStatusOfTheRegistration_IsUsedForCriticalOrFailing()
    {
        var monitor = new StubMonitor(Reading("telnyx", BalanceLevel.Critical, false));

        var result = await Check(monitor, HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("Critical or failing: telnyx/default.", result.Description);
    }

    [Fact]
    public async Task CheckHealth_BeforeEveryAccountWasChecked_IsDegraded()
    {
        var result = await Check(new StubMonitor { Ready = false }, null);

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    [Theory]
    [InlineData(null, HealthStatus.Healthy, "ok")]
    [InlineData(8.0, HealthStatus.Healthy, "ok")]
    [InlineData(6.0, HealthStatus.Degraded, "ok; runway warning")]
    [InlineData(0.5, HealthStatus.Unhealthy, "ok; runway critical")]
    public async Task CheckHealth_RunwayShorterThanAHorizon_DegradesOrFails(double? days, HealthStatus expected, string data)
    {
        var runways = new LatestRunways();
        if (days is { } d)
        {
            var left = TimeSpan.FromDays(d);
            runways.Set("telnyx", "default", new BalanceRunway((long)left.TotalSeconds, Now + left, 10m, AmountKinds.Balance, "USD"));
        }

        var thresholds = new BalanceThresholds(
            [new BalanceThreshold { Provider = "telnyx", RunwayWarning = TimeSpan.FromDays(7), RunwayCritical = TimeSpan.FromDays(1) }]);
        var monitor = new StubMonitor(Reading("antgst", BalanceLevel.Ok, false), Reading("telnyx", BalanceLevel.Ok, false));

        var result = await Check(monitor, null, thresholds, runways);

        Assert.Equal(expected, result.Status);
        Assert.Equal(data, result.Data["telnyx/default"]);
        Assert.Equal("ok", result.Data["antgst/default"]);
    }

    [Fact]
    public async Task CheckHealth_RunwayWithoutHorizons_ChangesNothing()
    {
        var runways = new LatestRunways();
        runways.Set("telnyx", "default", new BalanceRunway(60, Now.AddMinutes(1), 10m, AmountKinds.Balance, "USD"));

        var result = await Check(new StubMonitor(Reading("telnyx", BalanceLevel.Ok, false)), null, BalanceThresholds.None, runways);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private static Task<HealthCheckResult> Check(
        IBalanceMonitor monitor, HealthStatus? failureStatus, BalanceThresholds? thresholds = null, LatestRunways? runways = null)
    {
        var check = new BalancesHealthCheck(monitor, () => thresholds ?? BalanceThresholds.None, runways);
        var registration = new HealthCheckRegistration("balances", check, failureStatus, null);
        return check.CheckHealthAsync(new HealthCheckContext { Registration = registration });
    }

    private static BalanceReading Reading(string provider, BalanceLevel level, bool failing)
    {
        var balance = new AccountBalance(provider, "default", [new BalanceAmount(AmountKinds.Balance, 1m, "USD", true)], null, Now);
        var result = failing
            ? new BalanceCheckResult(
                provider, "default", null, new BalanceError(BalanceErrorKind.Network, null, null, "down"), TimeSpan.Zero)
            : new BalanceCheckResult(provider, "default", balance, null, TimeSpan.Zero) { Level = level };
        return new BalanceReading(result, balance, Now);
    }

    private sealed class StubMonitor(params BalanceReading[] readings) : IBalanceMonitor
    {
        public IReadOnlyList<BalanceReading> Readings => readings;

        public bool Ready { get; init; } = true;

        public bool IsReady => Ready;

        public event EventHandler<BalanceReadingEventArgs>? ReadingChanged
        {
            add { }
            remove { }
        }
    }
}
