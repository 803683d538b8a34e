using BalanceClients.Configuration;

namespace BalanceClients.Tests.Configuration;

public sealed class BaseUrlRulesTests
{
    [Theory]
    [InlineData("https://api.telnyx.com/v2")]
    [InlineData("http://127.0.0.1:8080/v2")]
    [InlineData("http://localhost:9/")]
    [InlineData("http://[::1]:8080")]
    [InlineData(" https://api.lumenfall.ai ")]
    public void Parse_HttpsOrLoopbackHttp_IsAccepted(string text)
    {
        Assert.Equal(text.Trim().TrimEnd('/'), BaseUrlRules.Parse(text, "TELNYX_BASE_URL").ToString().TrimEnd('/'));
    }

    [Theory]
    [InlineData("http://api.telnyx.com/v2", "TELNYX_BASE_URL must use https:// (plain http:// is accepted only for loopback hosts).")]
    [InlineData("http://127.0.0.1.nip.io/", "TELNYX_BASE_URL must use https:// (plain http:// is accepted only for loopback hosts).")]
    [InlineData("::nope", "TELNYX_BASE_URL is not a valid URL: an absolute http:// or https:// URL is needed.")]
    [InlineData("/v2", "TELNYX_BASE_URL is not a valid URL: an absolute http:// or https:// URL is needed.")]
    [InlineData("ftp://api.telnyx.com/v2", "TELNYX_BASE_URL is not a valid URL: an absolute http:// or https:// URL is needed.")]
    [InlineData("file:///etc/passwd", "TELNYX_BASE_URL is not a valid URL: an absolute http:// or https:// URL is needed.")]
    [InlineData("https://user:pass@api.telnyx.com/v2", "TELNYX_BASE_URL must not carry user information; credentials have their own settings.")]
    public void Parse_AnythingElse_IsAConfigurationErrorNamingTheSetting(string text, string message)
    {
        var exception = Assert.Throws<BalanceConfigurationException>(() => BaseUrlRules.Parse(text, "TELNYX_BASE_URL"));

        Assert.Equal(message, exception.Message);
    }
}
