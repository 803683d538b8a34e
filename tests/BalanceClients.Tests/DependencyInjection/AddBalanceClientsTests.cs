using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.Generated.Telnyx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.DependencyInjection;

public sealed class AddBalanceClientsTests
{
    [Fact]
    public async Task AddBalanceClients_FromConfiguration_ChecksTheNamedAccounts()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Balances:Providers:telnyx:BaseUrl"] = fakes["telnyx"].BaseUrl.ToString(),
            ["Balances:Providers:telnyx:Accounts:ops:ApiKey"] = "demo-telnyx-api-key",
            ["Balances:Providers:telnyx:Accounts:billing:ApiKey"] = "wrong-key",
        }).Build();
        await using var services = new ServiceCollection().AddBalanceClients(configuration).BuildServiceProvider();

        var results = await services.GetRequiredService<IBalanceChecker>().CheckAllAsync(CancellationToken.None);

        Assert.Equal(["billing", "ops"], results.Select(r => r.Account));
        Assert.Equal(BalanceErrorKind.Unauthorized, results[0].Error!.Kind);
        Assert.Equal(400.00m, results[1].Balance!.Primary!.Amount);
    }

    [Fact]
    public async Task AddBalanceClients_RegistersTheGeneratedClientsOnTheProvidersHttpClients()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var options = BalanceClientsConfiguration.Read(null, fakes.Environment);
        var services = new ServiceCollection().AddBalanceClients(options);
        services.AddHttpClient(HttpClientNames.For("telnyx")).ConfigureHttpClient(http => http.DefaultRequestHeaders.Authorization = new("Bearer", "demo-telnyx-api-key"));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ITelnyxClient>();
        var answer = await client.GetUserBalanceAsync(CancellationToken.None);

        Assert.Equal("400.00", answer.Data!.Available_credit);
        Assert.Equal("/balance", Assert.Single(fakes["telnyx"].Requests).Path);
    }

    [Fact]
    public void AddBalanceClients_InvalidConfiguration_FailsAtRegistrationWithTheSettingsName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Balances:Providers:lumenfall:BaseUrl"] = "http://api.lumenfall.ai",
            ["Balances:Providers:lumenfall:Accounts:main:ApiKey"] = "k",
        }).Build();

        var exception = Assert.Throws<BalanceConfigurationException>(() => new ServiceCollection().AddBalanceClients(configuration));

        Assert.Equal("Balances:Providers:lumenfall:BaseUrl must use https:// (plain http:// is accepted only for loopback hosts).", exception.Message);
    }

    [Fact]
    public void AddBalanceClients_OptionsChangedInCode_AreValidatedToo()
    {
        var configuration = new ConfigurationBuilder().Build();

        Assert.Throws<BalanceConfigurationException>(() =>
            new ServiceCollection().AddBalanceClients(configuration, options => options.GetProvider("mesh").Resilience.MaxRetries = -1));
    }
}
