using BalanceClients.Monitoring;

namespace BalanceClients.Tests.Monitoring;

public sealed class AccountScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(0.0, 270)]
    [InlineData(0.5, 300)]
    [InlineData(0.999999, 330)]
    public void NextWait_Success_IsTheIntervalJitteredByUpToTenPercent(double random, double seconds)
    {
        Assert.Equal(seconds, AccountSchedule.NextWait(Interval, 0, null, random).TotalSeconds, precision: 3);
    }

    [Theory]
    [InlineData(1, 300)]
    [InlineData(2, 600)]
    [InlineData(3, 1200)]
    [InlineData(4, 2400)]
    [InlineData(5, 2400)]
    [InlineData(50, 2400)]
    public void NextWait_FailuresInARow_DoubleTheWaitUpToEightIntervals(int failures, double seconds)
    {
        Assert.Equal(seconds, AccountSchedule.NextWait(Interval, failures, null, 0.5).TotalSeconds, precision: 3);
    }

    [Fact]
    public void NextWait_RetryAfterLongerThanTheWait_IsHonoured()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), AccountSchedule.NextWait(Interval, 1, TimeSpan.FromMinutes(30), 0.5));
        Assert.Equal(Interval, AccountSchedule.NextWait(Interval, 1, TimeSpan.FromSeconds(5), 0.5));
    }

    [Theory]
    [InlineData(1, 0.5, 2400)]
    [InlineData(50, 0.999999, 2640)]
    public void NextWait_RetryAfterOfDays_WaitsNoLongerThanTheLongestBackoff(int failures, double random, double seconds)
    {
        Assert.Equal(seconds, AccountSchedule.NextWait(Interval, failures, TimeSpan.FromDays(3), random).TotalSeconds, precision: 3);
    }

    [Fact]
    public void Complete_FailureAfterASuccess_KeepsTheLastGoodBalanceAndIsStale()
    {
        var account = new BalanceAccount("telnyx", "default", new BalanceClients.Providers.ApiKeyCredentials("k"));
        var schedule = new AccountSchedule(account, DateTimeOffset.UnixEpoch);
        var amounts = new[] { new BalanceAmount(AmountKinds.AvailableCredit, 400m, "USD", true) };
        var balance = new AccountBalance("telnyx", "default", amounts, null, DateTimeOffset.UnixEpoch);
        var later = DateTimeOffset.UnixEpoch.AddMinutes(5);

        var success = new BalanceCheckResult("telnyx", "default", balance, null, TimeSpan.Zero);
        schedule.Complete(success, DateTimeOffset.UnixEpoch, Interval, 0.5);
        var reading = schedule.Complete(
            success with { Balance = null, Error = new BalanceError(BalanceErrorKind.Unavailable, 503, null, "down") },
            later,
            Interval,
            0.5);

        Assert.True(reading.IsStale);
        Assert.Same(balance, reading.LastGood);
        Assert.Equal(
            (DateTimeOffset.UnixEpoch, later, BalanceLevel.Unknown),
            (reading.LastSuccessAt!.Value, reading.CheckedAt, reading.Level));
        Assert.Equal(later + Interval, schedule.Due);
    }
}
