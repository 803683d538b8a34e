using BalanceClients.Cli;

namespace BalanceClients.Tests.Cli;

/// <summary>What the tool shows of names and paths: nothing that moves the cursor, reorders or hides text reaches a terminal.</summary>
public sealed class CliTextTests
{
    [Theory]
    [InlineData("tab\there", @"tab\u0009here")]
    [InlineData("\u001b[2Jall fine", @"\u001b[2Jall fine")]
    [InlineData("right\u202Eto left", @"right\u202eto left")]
    [InlineData("zero\u200Bwidth", @"zero\u200bwidth")]
    [InlineData("line\u2028separator", @"line\u2028separator")]
    [InlineData("utf8 ✓ ünïcode 💸", "utf8 ✓ ünïcode 💸")]
    public void Printable_ControlAndInvisibleCharacters_AreEscaped(string value, string shown)
    {
        Assert.Equal(shown, CliText.Printable(value));
    }
}
