using BalanceClients.Cli.History;

namespace BalanceClients.Tests.Cli;

public sealed class SparklineTests
{
    [Fact]
    public void Draw_Rising_GoesFromTheLowestBlockToTheHighest() =>
        Assert.Equal("▁▂▃▄▅▆▇█", Sparkline.Draw([0m, 1m, 2m, 3m, 4m, 5m, 6m, 7m]));

    [Fact]
    public void Draw_Flat_IsMiddleBlocks() => Assert.Equal("▄▄▄", Sparkline.Draw([5m, 5m, 5m]));

    [Fact]
    public void Draw_SlicesWithoutAmounts_AreSpaces() => Assert.Equal(" █ ▁", Sparkline.Draw([null, 10m, null, -10m]));

    [Fact]
    public void Draw_NoAmountAtAll_IsBlank() => Assert.Equal("  ", Sparkline.Draw([null, null]));

    [Fact]
    public void Draw_ExtremeDecimals_DoNotOverflow() =>
        Assert.Equal("▁█", Sparkline.Draw([decimal.MinValue, decimal.MaxValue]));
}
