using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests;

public sealed class BalanceThresholdsTests
{
    private static readonly BalanceCheckResult Telnyx = Success(
        "telnyx",
        new BalanceAmount(AmountKinds.Balance, 300.00m, "USD", false),
        new BalanceAmount(AmountKinds.AvailableCredit, 400.00m, "USD", true));

    private static readonly BalanceCheckResult Mesh = Success(
        "mesh",
        new BalanceAmount(AmountKinds.Cash, 10m, "USD", false),
        new BalanceAmount(AmountKinds.Cash, 900m, "EUR", false),
        new BalanceAmount(AmountKinds.TotalCash, null, "USD", true));

    [Theory]
    [InlineData(null, 300.0, BalanceLevel.Ok)]
    [InlineData(400.01, null, BalanceLevel.Warning)]
    [InlineData(400.0, null, BalanceLevel.Ok)]
    [InlineData(500.0, 400.01, BalanceLevel.Critical)]
    [InlineData(null, 400.0, BalanceLevel.Ok)]
    public void LevelOf_PrimaryAmount_IsBelowWhichLevel(double? warning, double? critical, BalanceLevel expected)
    {
        var thresholds = new BalanceThresholds(
            [new BalanceThreshold { Provider = "telnyx", Warning = (decimal?)warning, Critical = (decimal?)critical }]);

        Assert.Equal(expected, thresholds.LevelOf(Telnyx));
    }

    [Fact]
    public void LevelOf_NoThresholds_IsOkForASuccessAndUnknownForAFailure()
    {
        var failed = new BalanceCheckResult(
            "antgst", "default", null, new BalanceError(BalanceErrorKind.Network, null, null, "down"), TimeSpan.Zero);

        Assert.Equal(
            (BalanceLevel.Ok, BalanceLevel.Unknown),
            (BalanceThresholds.None.LevelOf(Telnyx), BalanceThresholds.None.LevelOf(failed)));
    }

    [Fact]
    public void LevelOf_ThresholdOnANullAmount_IsUnknown()
    {
        var thresholds = new BalanceThresholds([new BalanceThreshold { Provider = "mesh", Critical = 5 }]);

        Assert.Equal(BalanceLevel.Unknown, thresholds.LevelOf(Mesh));
    }

    [Fact]
    public void LevelOf_ThresholdOnAKindTheAnswerLacks_IsUnknown()
    {
        var thresholds = new BalanceThresholds([new BalanceThreshold { Provider = "mesh", Kind = AmountKinds.BuyingPower, Critical = 5 }]);

        Assert.Equal(BalanceLevel.Unknown, thresholds.LevelOf(Mesh));
    }

    [Fact]
    public void LevelOf_KindInSeveralCurrencies_IsTheWorstOfThem()
    {
        var thresholds = new BalanceThresholds(
            [new BalanceThreshold { Provider = "mesh", Kind = AmountKinds.Cash, Warning = 100, Critical = 50 }]);

        Assert.Equal(BalanceLevel.Critical, thresholds.LevelOf(Mesh));
        Assert.Equal(BalanceLevel.Ok, thresholds.LevelOf("mesh", "default", Mesh.Balance!.Amounts[1]));
    }

    [Fact]
    public void LevelOf_CriticalAndUnknown_IsCritical()
    {
        var thresholds = new BalanceThresholds(
        [
            new BalanceThreshold { Provider = "mesh", Kind = AmountKinds.Cash, Critical = 50 },
            new BalanceThreshold { Provider = "mesh", Critical = 5 },
        ]);

        Assert.Equal(BalanceLevel.Critical, thresholds.LevelOf(Mesh));
    }

    [Fact]
    public void LevelOf_ThresholdOfAnotherAccountOrProvider_DoesNotApply()
    {
        var thresholds = new BalanceThresholds(
        [
            new BalanceThreshold { Provider = "telnyx", Account = "eu", Critical = 1000 },
            new BalanceThreshold { Provider = "lumenfall", Critical = 1000 },
        ]);

        Assert.Equal(BalanceLevel.Ok, thresholds.LevelOf(Telnyx));
        Assert.Equal(BalanceLevel.Critical, thresholds.LevelOf(Telnyx with { Account = "EU" }));
    }

    [Theory]
    [InlineData(null, BalanceLevel.Ok)]
    [InlineData(8.0, BalanceLevel.Ok)]
    [InlineData(7.0, BalanceLevel.Ok)]
    [InlineData(6.9, BalanceLevel.Warning)]
    [InlineData(0.9, BalanceLevel.Critical)]
    public void RunwayLevelOf_Runway_IsShorterThanWhichHorizon(double? days, BalanceLevel expected)
    {
        var thresholds = new BalanceThresholds(
            [new BalanceThreshold { Provider = "telnyx", RunwayWarning = TimeSpan.FromDays(7), RunwayCritical = TimeSpan.FromDays(1) }]);

        Assert.Equal(expected, thresholds.RunwayLevelOf("telnyx", "default", days is { } d ? TimeSpan.FromDays(d) : null));
        Assert.Equal(BalanceLevel.Ok, thresholds.RunwayLevelOf("mesh", "default", TimeSpan.Zero));
    }

    [Fact]
    public void LevelOf_RunwayOnlyThreshold_LeavesTheAmountLevelAlone()
    {
        var thresholds = new BalanceThresholds([new BalanceThreshold { Provider = "mesh", RunwayWarning = TimeSpan.FromDays(7) }]);

        Assert.Equal(BalanceLevel.Ok, thresholds.LevelOf(Mesh));
    }

    [Fact]
    public void Override_SameTarget_ReplacesOnlyTheLevelsItSets()
    {
        var configured = new BalanceThresholds([new BalanceThreshold { Provider = "telnyx", Warning = 1000, Critical = 10 }]);

        var merged = configured
            .Override([new BalanceThreshold { Provider = "telnyx", Warning = 50 }])
            .Override([new BalanceThreshold { Provider = "telnyx", RunwayWarning = TimeSpan.FromDays(3) }]);

        var threshold = Assert.Single(merged.All);
        Assert.Equal((50m, 10m, TimeSpan.FromDays(3)), (threshold.Warning, threshold.Critical, threshold.RunwayWarning));
        Assert.Equal((decimal?)1000, Assert.Single(configured.All).Warning);
    }

    [Fact]
    public async Task CheckAsync_ConfiguredThresholds_GiveTheResultItsLevel()
    {
        await using var harness = await CheckerHarness.StartAsync(options =>
        {
            options.Thresholds.Add(new BalanceThreshold { Provider = "telnyx", Critical = 500 });
            options.Thresholds.Add(new BalanceThreshold { Provider = "lumenfall", Warning = 20, Critical = 1 });
        });

        var results = await harness.Checker.CheckAllAsync(CancellationToken.None);

        Assert.Equal(
            ["antgst:ok", "lumenfall:warning", "mesh:ok", "telnyx:critical", "undrctrl:ok"],
            results.Select(r => $"{r.Provider}:{r.Level.ToContractName()}"));
        Assert.Equal(["telnyx"], results.Where(r => r.IsLow).Select(r => r.Provider));
    }

    private static BalanceCheckResult Success(string provider, params BalanceAmount[] amounts) =>
        new(provider, "default", new AccountBalance(provider, "default", amounts, null, DateTimeOffset.UnixEpoch), null, TimeSpan.Zero);
}
