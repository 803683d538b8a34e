using BalanceClients.Providers;

namespace BalanceClients.Tests.Providers;

public sealed class ProviderTextTests
{
    [Theory]
    [InlineData("Authentication failed", "Authentication failed")]
    [InlineData("Solde épuisé: 0 €", "Solde épuisé: 0 €")]
    [InlineData("line one\r\nline two\tend", "line one  line two end")]
    [InlineData("\u001b[2J\u001b[HAll fine\u0007", "\uFFFD[2J\uFFFD[HAll fine\uFFFD")]
    [InlineData("price \u202Eeulav\u202C", "price \uFFFDeulav\uFFFD")]
    [InlineData("\u009b31m red", "\uFFFD31m red")]
    [InlineData("emoji \U0001F4B8 ok", "emoji \U0001F4B8 ok")]
    public void Clean_ProviderText_NeutralisesControlAndFormatCharacters(string text, string expected)
    {
        Assert.Equal(expected, ProviderText.Clean(text));
    }

    [Fact]
    public void Clean_LoneSurrogate_IsReplaced()
    {
        // Built here: xunit's theory data would mangle a lone surrogate before the test sees it.
        var text = "lone " + (char)0xD800 + " half";

        Assert.Equal("lone \uFFFD half", ProviderText.Clean(text));
    }

    [Fact]
    public void Clean_VeryLongText_IsCutWithAnEllipsis()
    {
        var cleaned = ProviderText.Clean(new string('x', 100_000));

        Assert.Equal(ProviderText.MaxLength + 1, cleaned.Length);
        Assert.EndsWith("x…", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_Error_CleansMessageAndCodeAndKeepsTheRest()
    {
        var error = new BalanceError(BalanceErrorKind.BadRequest, 422, "c\u001bde", "bad\ninput");

        Assert.Equal(new BalanceError(BalanceErrorKind.BadRequest, 422, "c\uFFFDde", "bad input"), ProviderText.Clean(error));
    }
}
