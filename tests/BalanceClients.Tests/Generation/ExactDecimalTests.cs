using System.Globalization;
using BalanceClients.Generation;

namespace BalanceClients.Tests.Generation;

public sealed class ExactDecimalTests
{
    [Theory]
    [InlineData("1000.92", "1000.92")]
    [InlineData("-18.383", "-18.383")]
    [InlineData("0.0", "0.0")]
    [InlineData("-0", "0")]
    [InlineData("300.00", "300.00")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335", "-79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("1.0000000000000000000000000000000000", "1.0000000000000000000000000000")]
    [InlineData("1e3", "1000")]
    [InlineData("12.5E-3", "0.0125")]
    [InlineData("0e999999999999", "0")]
    public void TryParse_NumberADecimalHolds_IsThatNumberExactly(string text, string expected)
    {
        Assert.True(ExactDecimal.TryParse(text, NumberStyles.Float, out var value));

        Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("12345678901234567890123456789.123")]
    [InlineData("0.12345678901234567890123456789012345")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e400")]
    [InlineData("1e-400")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("1.00000000000000000000000000001")]
    [InlineData("abc")]
    [InlineData("")]
    public void TryParse_NumberADecimalWouldRound_IsRefused(string text)
    {
        Assert.False(ExactDecimal.TryParse(text, NumberStyles.Float, out _));
    }
}
