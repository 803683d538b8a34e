using BalanceClients.FakeProviders;
using BalanceClients.Generated.Telnyx;
using BalanceClients.Generated.Telnyx.Kiota;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Http;

/// <summary>A provider's redirect never takes credentials anywhere: it is reported, not followed, whatever its target.</summary>
public sealed class RedirectTests
{
    public static TheoryData<string, int> ProvidersAndRedirects()
    {
        var data = new TheoryData<string, int>();
        foreach (var provider in ProviderInfo.All)
        {
            foreach (var status in new[] { 301, 302, 303, 307, 308 })
            {
                data.Add(provider.Id, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProvidersAndRedirects))]
    public async Task Check_RedirectToAnotherOrigin_IsProviderErrorAndTheOtherOriginHearsNothing(string provider, int status)
    {
        await using var harness = await CheckerHarness.StartAsync();
        await using var elsewhere = await FakeProviderServer.StartAsync(CancellationToken.None);
        var target = new Uri(elsewhere[provider].BaseUrl + "/balance");
        harness.Fake(provider).Enqueue(Redirect(status, target.ToString()));

        var result = await harness.CheckAsync(provider);

        Assert.False(result.IsSuccess);
        Assert.Equal((BalanceErrorKind.ProviderError, (int?)status), (result.Error.Kind, result.Error.HttpStatus));
        Assert.EndsWith(
            $"a redirect to http://{target.Authority}; redirects are not followed.", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere[provider].Requests);
        Assert.Single(harness.Fake(provider).Requests);
    }

    [Theory]
    [InlineData("http://balances-attacker.example/steal")]
    [InlineData("/same-server/elsewhere")]
    public async Task Check_RedirectToPlainHttpOrTheSameServer_IsNotFollowedEither(string location)
    {
        await using var harness = await CheckerHarness.StartAsync();
        harness.Fake("antgst").Enqueue(Redirect(307, location));

        var result = await harness.CheckAsync("antgst");

        Assert.Equal((BalanceErrorKind.ProviderError, (int?)307), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Single(harness.Fake("antgst").Requests);
    }

    [Fact]
    public async Task GeneratedClientFromDependencyInjection_Redirect_IsNotFollowed()
    {
        await using var harness = await CheckerHarness.StartAsync();
        await using var elsewhere = await FakeProviderServer.StartAsync(CancellationToken.None);
        harness.Fake("telnyx").Enqueue(Redirect(308, elsewhere["telnyx"].BaseUrl + "/balance"));
        var client = harness.Services.GetRequiredService<ITelnyxClient>();

        var exception = await Assert.ThrowsAsync<BalanceClients.Generation.ApiException>(() => client.GetUserBalanceAsync());

        Assert.Equal(308, exception.StatusCode);
        Assert.Empty(elsewhere["telnyx"].Requests);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(308)]
    public async Task KiotaClientFromDependencyInjection_Redirect_IsNotFollowed(int status)
    {
        await using var harness = await CheckerHarness.StartAsync();
        await using var elsewhere = await FakeProviderServer.StartAsync(CancellationToken.None);
        harness.Fake("telnyx").Enqueue(Redirect(status, elsewhere["telnyx"].BaseUrl + "/balance"));
        var client = harness.Services.GetRequiredService<TelnyxApiClient>();

        // Kiota's adapter takes a 301 or 302 for a success with no body (the unified layer reads it as the redirect it is).
        var answer = await Record.ExceptionAsync(() => client.Balance.GetAsync());

        Assert.True(
            status == 302 ? answer is null : answer is Microsoft.Kiota.Abstractions.ApiException { ResponseStatusCode: 308 },
            answer?.ToString());
        Assert.Empty(elsewhere["telnyx"].Requests);
        Assert.Single(harness.Fake("telnyx").Requests);
    }

    private static FakeResponse Redirect(int status, string location) =>
        FakeResponse.Text(status, null) with { Headers = new Dictionary<string, string> { ["Location"] = location } };
}
