using System.Net.Http.Headers;
using BalanceClients.Http;

namespace BalanceClients.Tests.Http;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_Seconds_IsThatDelay()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfter.Of(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)), Now));
    }

    [Fact]
    public void Of_HttpDate_IsTheTimeUntilThen()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), RetryAfter.Of(new RetryConditionHeaderValue(Now.AddSeconds(4)), Now));
    }

    [Fact]
    public void Of_DateInThePast_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, RetryAfter.Of(new RetryConditionHeaderValue(Now.AddMinutes(-1)), Now));
    }

    [Fact]
    public void Of_NoHeader_IsNull()
    {
        Assert.Null(RetryAfter.Of(null, Now));
    }
}
