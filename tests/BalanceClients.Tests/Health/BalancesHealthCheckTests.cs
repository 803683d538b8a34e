using BalanceClients.Health;
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

    private static Task<HealthCheckResult> Check(IBalanceMonitor monitor, HealthStatus? failureStatus)
    {
        var check = new BalancesHealthCheck(monitor);
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
