using BalanceClients.Configuration;
using BalanceClients.Generated.Mesh;
using BalanceClients.Providers;
using BalanceClients.Providers.Mesh;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Tests.Configuration;

public sealed class BalanceClientsConfigurationTests
{
    private static readonly Dictionary<string, string?> FullMesh = new()
    {
        ["MESH_CLIENT_ID"] = "id",
        ["MESH_CLIENT_SECRET"] = "secret",
        ["MESH_AUTH_TOKEN"] = "token",
        ["MESH_BROKER_TYPE"] = "coinbase",
    };

    [Fact]
    public void Read_ContractVariables_ConfigureTheDefaultAccounts()
    {
        var options = BalanceClientsConfiguration.Read(null, new Dictionary<string, string?>(FullMesh)
        {
            ["TELNYX_API_KEY"] = "key",
            ["TELNYX_BASE_URL"] = "http://127.0.0.1:8080/v2",
        });

        Assert.Equal(["mesh/default", "telnyx/default"], options.Accounts.Select(a => a.ToString()).Order(StringComparer.Ordinal));
        var mesh = Assert.IsType<MeshCredentials>(options.Accounts.Single(a => a.Provider == "mesh").Credentials);
        Assert.Equal(("id", "secret", "token", BrokerType.Coinbase), (mesh.ClientId, mesh.ClientSecret, mesh.AuthToken, mesh.BrokerType));
        Assert.Equal(new Uri("http://127.0.0.1:8080/v2"), options.GetProvider("telnyx").BaseUrl);
    }

    [Fact]
    public void Read_NothingSet_ConfiguresNoAccount()
    {
        var options = BalanceClientsConfiguration.Read(null, new Dictionary<string, string?> { ["UNDRCTRL_API_KEY"] = "  " });

        Assert.Empty(options.Accounts);
    }

    [Theory]
    [InlineData("MESH_CLIENT_ID")]
    [InlineData("MESH_CLIENT_SECRET")]
    [InlineData("MESH_AUTH_TOKEN")]
    [InlineData("MESH_BROKER_TYPE")]
    public void Read_PartialMesh_NamesTheMissingVariable(string missing)
    {
        var environment = new Dictionary<string, string?>(FullMesh);
        environment.Remove(missing);

        var exception = Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Read(null, environment));

        Assert.StartsWith($"{missing} is not set", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.DoesNotContain("secret", exception.Message.Replace("MESH_CLIENT_SECRET", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownBrokerType_NamesTheVariable()
    {
        var exception = Assert.Throws<BalanceConfigurationException>(() =>
            BalanceClientsConfiguration.Read(null, new Dictionary<string, string?>(FullMesh) { ["MESH_BROKER_TYPE"] = "nasdaq" }));

        Assert.StartsWith("MESH_BROKER_TYPE 'nasdaq' is not one of the values", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BinanceInternationalDirect")]
    [InlineData(" binanceinternationaldirect ")]
    public void Read_BrokerTypeInAnotherCase_IsTheSpecsValue(string configured)
    {
        var options = BalanceClientsConfiguration.Read(null, new Dictionary<string, string?>(FullMesh) { ["MESH_BROKER_TYPE"] = configured });

        Assert.Equal(BrokerType.BinanceInternationalDirect, ((MeshCredentials)Assert.Single(options.Accounts).Credentials).BrokerType);
    }

    [Theory]
    [InlineData("http://api.example.com/v2", "TELNYX_BASE_URL must use https://")]
    [InlineData("not a url", "TELNYX_BASE_URL is not a valid URL")]
    [InlineData("ftp://127.0.0.1/", "TELNYX_BASE_URL is not a valid URL")]
    [InlineData("/v2", "TELNYX_BASE_URL is not a valid URL")]
    [InlineData("https://user:pw@api.example.com", "TELNYX_BASE_URL must not carry user information")]
    public void Read_BadBaseUrl_NamesTheVariable(string url, string message)
    {
        var exception = Assert.Throws<BalanceConfigurationException>(() =>
            BalanceClientsConfiguration.Read(null, new Dictionary<string, string?> { ["TELNYX_API_KEY"] = "k", ["TELNYX_BASE_URL"] = url }));

        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/")]
    [InlineData("http://localhost:9000/")]
    [InlineData("http://[::1]:9000/")]
    [InlineData("https://api.example.com/")]
    public void Read_LoopbackHttpOrAnyHttps_IsAccepted(string url)
    {
        var options = BalanceClientsConfiguration.Read(null, new Dictionary<string, string?> { ["LUMENFALL_API_KEY"] = "k", ["LUMENFALL_BASE_URL"] = url });

        Assert.Equal(new Uri(url), options.GetProvider("lumenfall").BaseUrl);
    }

    [Fact]
    public void Read_Configuration_BindsNamedAccountsAndResilience()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Balances:Timeout"] = "00:00:12",
            ["Balances:MaxConcurrency"] = "3",
            ["Balances:Providers:mesh:BaseUrl"] = "https://sandbox-integration-api.meshconnect.com",
            ["Balances:Providers:mesh:Resilience:MaxRetries"] = "0",
            ["Balances:Providers:mesh:Resilience:AttemptTimeout"] = "00:00:03",
            ["Balances:Providers:mesh:Accounts:alpha:ClientId"] = "id-a",
            ["Balances:Providers:mesh:Accounts:alpha:ClientSecret"] = "secret-a",
            ["Balances:Providers:mesh:Accounts:alpha:AuthToken"] = "token-a",
            ["Balances:Providers:mesh:Accounts:alpha:BrokerType"] = "sandbox",
            ["Balances:Providers:mesh:Accounts:beta:ClientId"] = "id-b",
            ["Balances:Providers:mesh:Accounts:beta:ClientSecret"] = "secret-b",
            ["Balances:Providers:mesh:Accounts:beta:AuthToken"] = "token-b",
            ["Balances:Providers:mesh:Accounts:beta:BrokerType"] = "kraken",
        }).Build();

        var options = BalanceClientsConfiguration.Read(configuration, new Dictionary<string, string?>(FullMesh));

        Assert.Equal((TimeSpan.FromSeconds(12), 3), (options.Timeout, options.MaxConcurrency));
        Assert.Equal(["alpha", "beta", "default"], options.Accounts.Select(a => a.Name).Order(StringComparer.Ordinal));
        var mesh = options.GetProvider("mesh");
        Assert.Equal((0, TimeSpan.FromSeconds(3)), (mesh.Resilience.MaxRetries, mesh.Resilience.AttemptTimeout));
        Assert.Equal(BrokerType.Kraken, ((MeshCredentials)options.Accounts.Single(a => a.Name == "beta").Credentials).BrokerType);
    }

    [Fact]
    public void Read_NamedAccountMissingASetting_NamesTheConfigurationKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Balances:Providers:antgst:Accounts:cn:Unrelated"] = "x",
        }).Build();

        var exception = Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Read(configuration, new Dictionary<string, string?>()));

        Assert.Equal("Balances:Providers:antgst:Accounts:cn:AuthSecret is not set: antgst needs all of Balances:Providers:antgst:Accounts:cn:AuthSecret.", exception.Message);
    }

    [Fact]
    public void Read_UnknownProviderSection_IsAnError()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Balances:Providers:twilio:BaseUrl"] = "https://x" }).Build();

        var exception = Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Read(configuration, new Dictionary<string, string?>()));

        Assert.StartsWith("Balances:Providers:twilio is not a known provider", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OptionsMadeInCode_AreChecked()
    {
        var options = new BalanceClientsOptions { MaxConcurrency = 0 };

        Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Validate(options));
        options.MaxConcurrency = 1;
        options.GetProvider("telnyx").BaseUrl = new Uri("http://api.telnyx.com/v2");
        Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Validate(options));
    }

    [Fact]
    public void Credentials_ToString_NeverShowsTheSecrets()
    {
        var credentials = new IAccountCredentials[]
        {
            new ApiKeyCredentials("key-s3cret"),
            new BalanceClients.Providers.Antgst.AntgstCredentials("auth-s3cret"),
            new MeshCredentials("id", "client-s3cret", "token-s3cret", BrokerType.Sandbox),
        };

        foreach (var credential in credentials)
        {
            var account = new BalanceAccount("x", "y", credential);
            Assert.DoesNotContain("s3cret", credential.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", account.ToString(), StringComparison.Ordinal);
            Assert.NotEmpty(credential.Secrets);
        }
    }
}
