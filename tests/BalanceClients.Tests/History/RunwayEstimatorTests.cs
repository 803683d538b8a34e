using BalanceClients.History;
using Xunit.Abstractions;

namespace BalanceClients.Tests.History;

/// <summary>The runway of synthetic series whose answer is known: a reading every 5 minutes for a day, ending now.</summary>
public sealed class RunwayEstimatorTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_122;
    private const int Day = 288;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Now = Readings.Start;

    [Fact]
    public void Estimate_SteadyBurn_IsExact()
    {
        // 1 spent every 5 minutes: 288 a day; 713 left at the last reading lasts 713 × 5 minutes.
        var runway = RunwayEstimator.Estimate(Series(i => 1000 - i), Now);

        Assert.Equal(new BalanceRunway(713 * 300, Now.AddSeconds(713 * 300), 288m, AmountKinds.Balance, "USD"), runway);
        Assert.Equal(TimeSpan.FromSeconds(713 * 300), runway!.Remaining);
    }

    [Fact]
    public void Estimate_SteadyBurnOfAHugeAmount_IsExact()
    {
        // 10^21 with 10^17 spent every 5 minutes: the same runway as 1000 less 1 a time, in units 10^17 times larger.
        const decimal Unit = 100_000_000_000_000_000m;
        var runway = RunwayEstimator.Estimate(Series(i => (10_000m - i) * Unit), Now);

        Assert.Equal((9713L * 300, 288m * Unit), (runway!.Seconds, runway.BurnPerDay));
    }

    [Fact]
    public void Estimate_TopUpHalfway_IsNotSpendingAndKeepsTheRate()
    {
        var runway = RunwayEstimator.Estimate(Series(i => i < Day / 2 ? 1000 - i : 1500 - i), Now);

        Assert.Equal((1213L * 300, 288m), (runway!.Seconds, runway.BurnPerDay));
    }

    [Fact]
    public void Estimate_TopUpInTheLastReading_KeepsTheRateOfTheSegmentBefore()
    {
        var runway = RunwayEstimator.Estimate(Series(i => i < Day - 1 ? 1000 - i : 5000), Now);

        Assert.Equal((5000L * 300, 288m), (runway!.Seconds, runway.BurnPerDay));
    }

    [Fact]
    public void Estimate_NoisyBurnWithSmallRises_IsWithinTwoPercentInOneSegment()
    {
        // Noise of up to ±2 around a burn of 1 per reading: a third of the steps are rises, none a top-up.
        var random = new Random(Seed);
        output.WriteLine($"Noise from seed {Seed}.");
        var noisy = Series(i => 1000 - i + Math.Round((decimal)((random.NextDouble() * 4) - 2), 2)).ToList();
        Assert.True(noisy.Zip(noisy.Skip(1)).Count(p => p.Second.Amount > p.First.Amount) > Day / 5);

        var runway = RunwayEstimator.Estimate(noisy, Now)!;
        output.WriteLine($"Burn per day {runway.BurnPerDay} (true: 288), {runway.Seconds} s left.");

        Assert.InRange(runway.BurnPerDay, 288m * 0.98m, 288m * 1.02m);
        var expected = (double)(noisy[^1].Amount!.Value * 300);
        Assert.InRange(runway.Seconds, (long)(expected * 0.98), (long)(expected * 1.02));
    }

    [Fact]
    public void Estimate_ReadingsOutOfOrderAndDuplicated_AreTheSteadyBurn()
    {
        var random = new Random(Seed);
        var readings = Series(i => 1000 - i).ToList();
        var shuffled = readings.Concat(readings.Where((_, i) => i % 7 == 0)).OrderBy(_ => random.Next()).ToList();

        Assert.Equal(RunwayEstimator.Estimate(readings, Now), RunwayEstimator.Estimate(shuffled, Now));
    }

    [Fact]
    public void Estimate_TargetAboveZero_CountsToTheTarget()
    {
        var runway = RunwayEstimator.Estimate(Series(i => 1000 - i), Now, target: 200m);

        Assert.Equal((513L * 300, Now.AddSeconds(513 * 300)), (runway!.Seconds, runway.EmptyAt));
    }

    [Fact]
    public void Estimate_LaterThanTheLastReading_CountsFromNow()
    {
        var runway = RunwayEstimator.Estimate(Series(i => 1000 - i), Now.AddHours(1));

        Assert.Equal(((713L * 300) - 3600, Now.AddSeconds(713 * 300)), (runway!.Seconds, runway.EmptyAt));
    }

    [Theory]
    [InlineData("flat")]
    [InlineData("rising")]
    [InlineData("single")]
    [InlineData("too few")]
    [InlineData("too short")]
    [InlineData("at target")]
    [InlineData("below zero")]
    [InlineData("only old")]
    public void Estimate_NoHonestAnswer_IsNull(string series)
    {
        var readings = series switch
        {
            "flat" => Series(_ => 1000),
            "rising" => Series(i => 1000 + i),
            "single" => Series(i => 1000 - i).TakeLast(1),
            "too few" => Series(i => 1000 - i).TakeLast(5),
            "too short" => Readings.Series(Now.AddMinutes(-50), TimeSpan.FromMinutes(1), 51, i => 1000 - i),
            "at target" => Series(i => 1000 - i),
            "below zero" => Series(i => 100 - i),
            _ => Readings.Series(Now.AddDays(-10), Step, Day, i => 1000 - i),
        };

        Assert.Null(RunwayEstimator.Estimate(readings, Now, target: series == "at target" ? 713m : 0));
    }

    [Fact]
    public void Estimate_ReadingsOfOtherKindsAndWithoutAmounts_AreIgnored()
    {
        var others = Series(i => 10 * i).Select(r => r with { Kind = AmountKinds.Pending, Time = r.Time.AddSeconds(-1) })
            .Concat(Series(_ => 0).Select(r => r with { Amount = null, Time = r.Time.AddSeconds(1) }));

        var runway = RunwayEstimator.Estimate(Series(i => 1000 - i).Concat(others), Now.AddSeconds(1));

        Assert.Equal(288m, runway?.BurnPerDay);
    }

    [Fact]
    public void Estimate_OptionOutOfRange_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => RunwayEstimator.Estimate([], Now, options: new RunwayOptions { MinReadings = 1 }));

        Assert.StartsWith("RunwayOptions.MinReadings must be at least 2.", exception.Message, StringComparison.Ordinal);
    }

    // A day of readings up to now, the amount of each given by its index.
    private static IEnumerable<StoredReading> Series(Func<int, decimal> amount) =>
        Readings.Series(Now - (Step * (Day - 1)), Step, Day, amount);
}
