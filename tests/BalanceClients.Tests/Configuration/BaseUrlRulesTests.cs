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
    public void ProblemWith_HttpsOrLoopbackHttp_IsNone(string text)
    {
        Assert.Null(BaseUrlRules.ProblemWith(AsBound(text)));
    }

    [Theory]
    [InlineData("http://api.telnyx.com/v2", "must use https:// (plain http:// is accepted only for loopback hosts).")]
    [InlineData("http://127.0.0.1.nip.io/", "must use https:// (plain http:// is accepted only for loopback hosts).")]
    [InlineData("::nope", "is not a valid URL: an absolute http:// or https:// URL is needed.")]
    [InlineData("/v2", "is not a valid URL: an absolute http:// or https:// URL is needed.")]
    [InlineData("ftp://api.telnyx.com/v2", "is not a valid URL: an absolute http:// or https:// URL is needed.")]
    [InlineData("file:///etc/passwd", "is not a valid URL: an absolute http:// or https:// URL is needed.")]
    [InlineData("https://user:pass@api.telnyx.com/v2", "must not carry user information; credentials have their own settings.")]
    public void ProblemWith_AnythingElse_SaysWhy(string text, string problem)
    {
        Assert.Equal(problem, BaseUrlRules.ProblemWith(AsBound(text)));
    }

    // What the configuration binder makes of a URL's text.
    private static Uri AsBound(string text) => new(text, UriKind.RelativeOrAbsolute);
}
