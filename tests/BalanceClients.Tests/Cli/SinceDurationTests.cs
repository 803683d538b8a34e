using BalanceClients.Cli.History;

namespace BalanceClients.Tests.Cli;

public sealed class SinceDurationTests
{
    [Theory]
    [InlineData("90s", 0, 0, 90)]
    [InlineData("30m", 0, 30, 0)]
    [InlineData("12h", 12, 0, 0)]
    [InlineData("7d", 7 * 24, 0, 0)]
    [InlineData("2w", 14 * 24, 0, 0)]
    [InlineData("999999w", 999_999 * 7 * 24, 0, 0)]
    public void TryParse_NumberAndUnit_IsThatLong(string text, int hours, int minutes, int seconds)
    {
        Assert.True(SinceDuration.TryParse(text, out var duration));

        Assert.Equal(new TimeSpan(hours, minutes, seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("7")]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("+1d")]
    [InlineData("1.5d")]
    [InlineData("7D")]
    [InlineData("7 d")]
    [InlineData("1y")]
    [InlineData("1000000w")]
    [InlineData("٧d")]
    public void TryParse_AnythingElse_IsRefused(string text) => Assert.False(SinceDuration.TryParse(text, out _));

    [Fact]
    public void Start_BeforeNineteenSeventy_IsEverything()
    {
        var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        Assert.Null(SinceDuration.Start(now, TimeSpan.FromDays(999_999 * 7)));
        Assert.Equal(now.AddDays(-7), SinceDuration.Start(now, TimeSpan.FromDays(7)));
    }
}
