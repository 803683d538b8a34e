using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.Generated.Antgst;
using BalanceClients.Generated.Antgst.Kiota;
using BalanceClients.Generated.Lumenfall;
using BalanceClients.Generated.Lumenfall.Kiota;
using BalanceClients.Generated.Mesh;
using BalanceClients.Generated.Mesh.Kiota;
using BalanceClients.Generated.Telnyx;
using BalanceClients.Generated.Telnyx.Kiota;
using BalanceClients.Generated.Undrctrl;
using BalanceClients.Generated.Undrctrl.Kiota;
using BalanceClients.Providers;
using BalanceClients.Providers.Antgst;
using BalanceClients.Providers.Mesh;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using KiotaAntgst = BalanceClients.Generated.Antgst.Kiota.Models;
using KiotaMesh = BalanceClients.Generated.Mesh.Kiota.Models;
using KiotaUndrctrl = BalanceClients.Generated.Undrctrl.Kiota.Models;

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

        var results = await services.GetRequiredService<IBalanceChecker>().CheckAllAsync();

        Assert.Equal(["billing", "ops"], results.Select(r => r.Account));
        Assert.Equal(BalanceErrorKind.Unauthorized, results[0].Error!.Kind);
        Assert.Equal(400.00m, results[1].Balance!.Primary!.Amount);
    }

    [Fact]
    public async Task GeneratedClientsFromDependencyInjection_CallAsTheDefaultAccount_WhoseCredentialsTheFakesCheck()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        await using var provider = BalanceServices.Create(fakes.Environment).BuildServiceProvider();
        var accounts = provider.GetRequiredService<IBalanceChecker>().Accounts;
        T Credentials<T>(string id) => (T)accounts.Single(a => a.Provider == id && a.Name == BalanceAccount.DefaultName).Credentials;

        var telnyx = await provider.GetRequiredService<ITelnyxClient>().GetUserBalanceAsync();
        var lumenfall = await provider.GetRequiredService<ILumenfallClient>().GetBalanceAsync();
        var mesh = await provider.GetRequiredService<IMeshClient>().GetBalanceAsync(new BalanceBrokerBaseRequest
        {
            AuthToken = Credentials<MeshCredentials>("mesh").AuthToken,
            Type = BrokerType.BinanceInternationalDirect,
        });
        var undrctrl = await provider.GetRequiredService<IUndrctrlClient>().GetBalanceAsync(new UndrctrlBalanceRequest
        {
            Key = Credentials<ApiKeyCredentials>("undrctrl").ApiKey,
            Action = "balance",
        });
        var antgst = await provider.GetRequiredService<IAntgstClient>().GetBalanceAsync(new AntgstBalanceRequest
        {
            AuthSecret = Credentials<AntgstCredentials>("antgst").AuthSecret,
        });

        Assert.Equal("400.00", telnyx.Data!.Available_credit);
        Assert.Equal(12.5m, lumenfall.Available.Amount);
        Assert.Equal(ApiResultStatus.Ok, mesh.Status);
        Assert.Equal("1000.92", undrctrl.Balance);
        Assert.Equal(200, antgst.Code);
    }

    [Fact]
    public async Task KiotaClientsFromDependencyInjection_CallAsTheDefaultAccount_OnTheProvidersHttpClient()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        await using var provider = BalanceServices.Create(fakes.Environment).BuildServiceProvider();
        var accounts = provider.GetRequiredService<IBalanceChecker>().Accounts;
        T Credentials<T>(string id) => (T)accounts.Single(a => a.Provider == id && a.Name == BalanceAccount.DefaultName).Credentials;

        var telnyx = await provider.GetRequiredService<TelnyxApiClient>().Balance.GetAsync();
        var lumenfall = await provider.GetRequiredService<LumenfallApiClient>().V1.Balance.GetAsync();
        var meshClient = provider.GetRequiredService<MeshApiClient>();
        var mesh = await meshClient.Api.V1.Balance.GetPath.PostAsync(new KiotaMesh.BalanceBrokerBaseRequest
        {
            AuthToken = Credentials<MeshCredentials>("mesh").AuthToken,
            Type = KiotaMesh.BrokerType.BinanceInternationalDirect,
        });
        var undrctrl = await provider.GetRequiredService<UndrctrlApiClient>().Api.V2.EmptyPathSegment.PostAsync(
            new KiotaUndrctrl.UndrctrlBalanceRequest { Key = Credentials<ApiKeyCredentials>("undrctrl").ApiKey, Action = "balance" });
        var antgst = await provider.GetRequiredService<AntgstApiClient>().User.Account.Balance.PostAsync(
            new KiotaAntgst.AntgstBalanceRequest { AuthSecret = Credentials<AntgstCredentials>("antgst").AuthSecret });

        Assert.Equal("400.00", telnyx!.Data!.AvailableCredit);
        Assert.Equal(12.5m, lumenfall!.Available!.Amount);
        Assert.Equal(KiotaMesh.ApiResultStatus.Ok, mesh!.Status);
        Assert.Equal("1000.92", undrctrl!.Balance);
        Assert.Equal(200, antgst!.Code);
        Assert.All(fakes.Providers.Values, fake => Assert.Single(fake.Requests));
    }

    [Fact]
    public async Task GeneratedClientWithHeaderCredentials_NoDefaultAccount_SaysWhichVariablesToSet()
    {
        await using var provider = BalanceServices.Create(new Dictionary<string, string?>()).BuildServiceProvider();

        var exception = Assert.Throws<BalanceConfigurationException>(() => provider.GetRequiredService<IMeshClient>());
        var kiota = Assert.Throws<BalanceConfigurationException>(() => provider.GetRequiredService<MeshApiClient>());

        Assert.Equal(
            "The generated Mesh Connect client calls as the account 'default', "
            + "which is not configured (set MESH_CLIENT_ID, MESH_CLIENT_SECRET).",
            exception.Message);
        Assert.Equal(exception.Message, kiota.Message);
        Assert.NotNull(provider.GetRequiredService<IUndrctrlClient>());
        Assert.NotNull(provider.GetRequiredService<UndrctrlApiClient>());
    }

    [Fact]
    public void AddBalanceClients_InvalidConfiguration_FailsAtStartWithTheSettingsName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Balances:Providers:lumenfall:BaseUrl"] = "http://api.lumenfall.ai",
            ["Balances:Providers:lumenfall:Accounts:main:ApiKey"] = "k",
        }).Build();
        using var provider = new ServiceCollection().AddBalanceClients(configuration).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            ["Balances:Providers:lumenfall:BaseUrl must use https:// (plain http:// is accepted only for loopback hosts)."],
            exception.Failures);
    }

    [Fact]
    public void AddBalanceClients_OptionsMadeInCode_AreValidatedToo()
    {
        using var provider = new ServiceCollection()
            .AddBalanceClients(options => options.GetProvider("mesh").Resilience.MaxRetries = -1)
            .BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Balances:Providers:mesh:Resilience:MaxRetries must be between 0 and 10."], exception.Failures);
    }

    [Fact]
    public void AddBalanceClients_ConfigurationReloaded_CheckerFollowsIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Balances:Providers:telnyx:Accounts:ops:ApiKey"] = "ops-key-0001",
        }).Build();
        using var provider = new ServiceCollection().AddBalanceClients(configuration).BuildServiceProvider();
        var checker = provider.GetRequiredService<IBalanceChecker>();
        Assert.Equal(["telnyx/ops"], checker.Accounts.Select(a => a.ToString()));

        configuration["Balances:Providers:telnyx:Accounts:eu:ApiKey"] = "eu-key-0001";
        configuration.Reload();

        Assert.Equal(["telnyx/eu", "telnyx/ops"], checker.Accounts.Select(a => a.ToString()));
    }

    [Fact]
    public void AddBalanceClients_CalledTwice_RegistersTheHttpPipelineOnce()
    {
        var services = new ServiceCollection()
            .AddBalanceClients(new ConfigurationBuilder().Build())
            .AddBalanceClients(options => options.MaxConcurrency = 4);

        Assert.Single(services, service => service.ServiceType == typeof(IBalanceChecker));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(4, provider.GetRequiredService<IOptions<BalanceCheckerOptions>>().Value.MaxConcurrency);
    }
}
