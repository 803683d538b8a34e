using BalanceClients.Configuration;
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
        Assert.Equal(("id", "secret", "token", "coinbase"), (mesh.ClientId, mesh.ClientSecret, mesh.AuthToken, mesh.BrokerType));
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

        Assert.Equal("binanceInternationalDirect", ((MeshCredentials)Assert.Single(options.Accounts).Credentials).BrokerType);
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
        Assert.Equal("kraken", ((MeshCredentials)options.Accounts.Single(a => a.Name == "beta").Credentials).BrokerType);
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
            new MeshCredentials("id-s3cret", "client-s3cret", "token-s3cret", "sandbox"),
        };

        foreach (var credential in credentials)
        {
            var account = new BalanceAccount("x", "y", credential);
            Assert.DoesNotContain("s3cret", credential.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", account.ToString(), StringComparison.Ordinal);
            Assert.NotEmpty(credential.Secrets);
        }
    }

    [Theory]
    [InlineData("TELNYX_API_KEY", "key-s3cret\r\nX-Injected: 1", "contains a control character")]
    [InlineData("UNDRCTRL_API_KEY", "key-s3cret\u0000", "contains a control character")]
    [InlineData("ANTGST_AUTH_SECRET", "auth\ts3cret", "contains a control character")]
    [InlineData("TELNYX_API_KEY", "clé-s3cret", "contains a character that cannot be sent in an HTTP header")]
    [InlineData("LUMENFALL_API_KEY", "key-s3cret-\u2603", "contains a character that cannot be sent in an HTTP header")]
    [InlineData("MESH_CLIENT_ID", "ïd-s3cret", "contains a character that cannot be sent in an HTTP header")]
    [InlineData("MESH_CLIENT_SECRET", "sécret-s3cret", "contains a character that cannot be sent in an HTTP header")]
    public void Read_CredentialThatCannotBeSent_NamesTheVariableAndNotTheValue(string variable, string value, string problem)
    {
        var environment = new Dictionary<string, string?>(FullMesh) { [variable] = value };

        var exception = Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Read(null, environment));

        Assert.Equal($"{variable} {problem}", exception.Message[..(variable.Length + 1 + problem.Length)]);
        Assert.DoesNotContain("s3cret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Theory]
    [InlineData("UNDRCTRL_API_KEY")]
    [InlineData("ANTGST_AUTH_SECRET")]
    [InlineData("MESH_AUTH_TOKEN")]
    public void Read_NonAsciiCredentialSentInTheBody_IsAccepted(string variable)
    {
        var options = BalanceClientsConfiguration.Read(null, new Dictionary<string, string?>(FullMesh) { [variable] = "clé-ünïcode" });

        Assert.Contains(options.Accounts, account => account.Credentials.Secrets.Contains("clé-ünïcode"));
    }

    [Fact]
    public void Validate_AccountMadeInCodeWithAHeaderCredentialThatCannotBeSent_NamesTheAccount()
    {
        var options = new BalanceClientsOptions();
        options.Accounts.Add(new BalanceAccount("telnyx", "eu", new ApiKeyCredentials("clé")));

        var exception = Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Validate(options));

        Assert.Equal("The account telnyx/eu's ApiKey contains a character that cannot be sent in an HTTP header (only printable ASCII can).", exception.Message);
    }

    [Fact]
    public void Validate_AccountMadeInCodeWithCredentialsOfAnotherProvider_NamesTheType()
    {
        var options = new BalanceClientsOptions();
        options.Accounts.Add(new BalanceAccount("mesh", "m", new ApiKeyCredentials("key")));

        var exception = Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Validate(options));

        Assert.Equal("The account mesh/m needs MeshCredentials, not ApiKeyCredentials.", exception.Message);
    }

    [Theory]
    [InlineData("key\nwith a line break")]
    [InlineData("\u001b[2J")]
    public void Credentials_WithAControlCharacter_AreRefusedByTheirConstructor(string value)
    {
        Assert.Throws<ArgumentException>(() => new ApiKeyCredentials(value));
        Assert.Throws<ArgumentException>(() => new BalanceClients.Providers.Antgst.AntgstCredentials(value));
        Assert.Throws<ArgumentException>(() => new MeshCredentials(value, "s", "t", "sandbox"));
    }

    [Theory]
    [InlineData("AttemptTimeout", "00:00:00.001", "Balances:Providers:telnyx:Resilience:AttemptTimeout must be between 10 ms and 1 day.")]
    [InlineData("AttemptTimeout", "2.00:00:00", "Balances:Providers:telnyx:Resilience:AttemptTimeout must be between 10 ms and 1 day.")]
    [InlineData("RetryBaseDelay", "2.00:00:00", "Balances:Providers:telnyx:Resilience:RetryBaseDelay must be between 0 and 1 day.")]
    [InlineData("MaxRetryAfter", "-00:00:01", "Balances:Providers:telnyx:Resilience:MaxRetryAfter must be between 0 and 1 day.")]
    [InlineData("MaxRetries", "11", "Balances:Providers:telnyx:Resilience:MaxRetries must be between 0 and 10.")]
    public void Read_ResilienceValuePollyWouldRefuse_IsAConfigurationErrorNamingTheKey(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Balances:Providers:telnyx:Resilience:{key}"] = value })
            .Build();

        var exception = Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Read(configuration, new Dictionary<string, string?>()));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Read_Thresholds_BindFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Balances:Thresholds:0:Provider"] = "telnyx",
            ["Balances:Thresholds:0:Warning"] = "100.50",
            ["Balances:Thresholds:0:Critical"] = "20",
            ["Balances:Thresholds:1:Provider"] = "mesh",
            ["Balances:Thresholds:1:Account"] = "alpha",
            ["Balances:Thresholds:1:Kind"] = "cash",
            ["Balances:Thresholds:1:Critical"] = "5",
        }).Build();

        var options = BalanceClientsConfiguration.Read(configuration, new Dictionary<string, string?>());

        Assert.Equal(
            ["telnyx (warning 100.50, critical 20)", "mesh/alpha.cash (warning -, critical 5)"],
            options.Thresholds.Select(t => t.ToString()));
    }

    [Theory]
    [InlineData("twilio", null, "1", null, "Balances:Thresholds:0: 'twilio' is not a provider")]
    [InlineData("telnyx", "sms", "1", null, "Balances:Thresholds:0: telnyx has no amount of kind 'sms'")]
    [InlineData("telnyx", null, null, null, "Balances:Thresholds:0 sets neither Warning nor Critical.")]
    [InlineData("telnyx", null, "10", "20", "Balances:Thresholds:0: its Warning level is below its Critical level")]
    [InlineData("telnyx", null, "lots", null, "Balances:Thresholds:0 has a setting of the wrong type")]
    public void Read_WrongThreshold_NamesIt(string provider, string? kind, string? warning, string? critical, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Balances:Thresholds:0:Provider"] = provider,
            ["Balances:Thresholds:0:Kind"] = kind,
            ["Balances:Thresholds:0:Warning"] = warning,
            ["Balances:Thresholds:0:Critical"] = critical,
        }).Build();

        var exception = Assert.Throws<BalanceConfigurationException>(() => BalanceClientsConfiguration.Read(configuration, new Dictionary<string, string?>()));

        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
    }
}
