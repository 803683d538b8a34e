using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests;

/// <summary>Every error path, with known secrets configured: no secret in any message, ToString() or log line.</summary>
public sealed class SecretRedactionTests
{
    public static TheoryData<string, FakeResponse> ErrorPaths()
    {
        var data = new TheoryData<string, FakeResponse>();
        foreach (var provider in ProviderInfo.All.Select(p => p.Id))
        {
            data.Add(provider, FakeResponse.Text(401, null));
            data.Add(provider, FakeResponse.Text(403, "{}", "application/json"));
            data.Add(provider, FakeResponse.Text(404, "<html>not here</html>", "text/html"));
            data.Add(provider, FakeResponse.Text(
                400,
                """{"status":"badRequest","errorType":"x","message":"m","code":-1,"msg":"m","errors":["""
                + """{"code":"1","title":"t"}],"error":"e"}""",
                "application/json"));
            data.Add(provider, FakeResponse.Text(500, "oops"));
            data.Add(provider, FakeResponse.Text(200, "not json"));
            data.Add(provider, FakeResponse.Text(200, "{\"truncated\": "));
            data.Add(provider, FakeResponse.Dropped);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ErrorPaths))]
    public async Task Check_EveryErrorPath_ShowsNoSecret(string provider, FakeResponse answer)
    {
        await using var harness = await CheckerHarness.StartAsync(options =>
        {
            foreach (var p in ProviderInfo.All)
            {
                options.GetProvider(p.Id).Resilience.MaxRetries = 1;
            }
        });
        harness.Fake(provider).Default = answer;

        var result = await harness.CheckAsync(provider);

        Assert.False(result.IsSuccess);
        AssertNoSecret(
            harness,
            result.Error.ToString(),
            result.ToString(),
            new BalanceException(result.Error).ToString(),
            new BalanceException(result.Error).Message,
            harness.Logs.AllText);
    }

    [Theory]
    [InlineData("undrctrl", 200, """{"error":"Invalid API key demo-undrctrl-api-key"}""")]
    [InlineData("antgst", 200, """{"msg":"bad secret demo-antgst-auth-secret","code":-22}""")]
    [InlineData("telnyx", 403,
        """{"errors":[{"code":"demo-telnyx-api-key","title":"Key demo-telnyx-api-key","detail":"is demo-telnyx-api-key"}]}""")]
    [InlineData("mesh", 200,
        """{"status":"permissionDenied","message":"token demo-mesh-auth-token """
        + """with demo-mesh-client-secret","errorType":"demo-mesh-auth-token"}""")]
    public async Task Check_ProviderEchoesTheSecret_IsRedacted(string provider, int status, string body)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake(provider).Enqueue(FakeResponse.Text(status, body, "application/json"));

        var result = await harness.CheckAsync(provider);

        Assert.False(result.IsSuccess);
        Assert.Contains("REDACTED", result.Error.Message, StringComparison.Ordinal);
        AssertNoSecret(harness, result.Error.ToString(), result.ToString(), harness.Logs.AllText);
    }

    private static void AssertNoSecret(CheckerHarness harness, params string[] texts)
    {
        foreach (var secret in harness.Secrets)
        {
            foreach (var text in texts)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
