using BalanceClients.Configuration;
using BalanceClients.Providers;
using BalanceClients.Providers.Antgst;
using BalanceClients.Providers.Mesh;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Configuration;

/// <summary>Options from the contract's variables and the <c>Balances</c> section, and the validator's one-line messages.</summary>
public sealed class BalanceCheckerOptionsTests
{
    private static readonly Dictionary<string, string?> NoVariables = [];

    private static readonly Dictionary<string, string?> FullMesh = new()
    {
        ["MESH_CLIENT_ID"] = "id",
        ["MESH_CLIENT_SECRET"] = "secret",
        ["MESH_AUTH_TOKEN"] = "token",
        ["MESH_BROKER_TYPE"] = "coinbase",
    };

    [Fact]
    public void Variables_ConfigureTheDefaultAccountsAndServers()
    {
        var variables = new Dictionary<string, string?>(FullMesh)
        {
            ["TELNYX_API_KEY"] = "key",
            ["TELNYX_BASE_URL"] = "http://127.0.0.1:8080/v2",
        };

        var accounts = BalanceServices.Accounts(variables);
        var options = BalanceServices.Options(variables);

        Assert.Equal(["mesh/default", "telnyx/default"], accounts.Select(a => a.ToString()).Order(StringComparer.Ordinal));
        var mesh = Assert.IsType<MeshCredentials>(accounts.Single(a => a.Provider == "mesh").Credentials);
        Assert.Equal(("id", "secret", "token", "coinbase"), (mesh.ClientId, mesh.ClientSecret, mesh.AuthToken, mesh.BrokerType));
        Assert.Equal(new Uri("http://127.0.0.1:8080/v2"), options.GetProvider("telnyx").BaseUrl);
    }

    [Fact]
    public void Variables_Blank_ConfigureNoAccount()
    {
        Assert.Empty(BalanceServices.Accounts(new Dictionary<string, string?> { ["UNDRCTRL_API_KEY"] = "  " }));
    }

    [Fact]
    public void Variables_WinOverConfigurationForTheDefaultAccount()
    {
        var settings = new Dictionary<string, string?> { ["Balances:Providers:lumenfall:Accounts:default:ApiKey"] = "from-configuration" };

        var account = Assert.Single(
            BalanceServices.Accounts(new Dictionary<string, string?> { ["LUMENFALL_API_KEY"] = "from-variable" }, settings));

        Assert.Equal("from-variable", ((ApiKeyCredentials)account.Credentials).ApiKey);
    }

    [Theory]
    [InlineData("MESH_CLIENT_ID")]
    [InlineData("MESH_CLIENT_SECRET")]
    [InlineData("MESH_AUTH_TOKEN")]
    [InlineData("MESH_BROKER_TYPE")]
    public void PartialMesh_NamesTheMissingVariable(string missing)
    {
        var variables = new Dictionary<string, string?>(FullMesh);
        variables.Remove(missing);

        var message = BalanceServices.Failure(variables);

        Assert.Equal(
            $"{missing} is not set: mesh needs all of MESH_CLIENT_ID, MESH_CLIENT_SECRET, MESH_AUTH_TOKEN, MESH_BROKER_TYPE.",
            message);
    }

    [Fact]
    public void PartialDefaultAccountInConfiguration_NamesTheVariableThatWouldSetIt()
    {
        var settings = new Dictionary<string, string?> { ["Balances:Providers:mesh:Accounts:default:ClientId"] = "id" };

        var message = BalanceServices.Failure(NoVariables, settings);

        Assert.StartsWith("MESH_CLIENT_SECRET is not set", message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownBrokerType_NamesTheVariable()
    {
        var message = BalanceServices.Failure(new Dictionary<string, string?>(FullMesh) { ["MESH_BROKER_TYPE"] = "nasdaq" });

        Assert.StartsWith("MESH_BROKER_TYPE 'nasdaq' is not one of the values", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BinanceInternationalDirect")]
    [InlineData(" binanceinternationaldirect ")]
    public void BrokerTypeInAnotherCase_IsTheSpecsValue(string configured)
    {
        var account = Assert.Single(
            BalanceServices.Accounts(new Dictionary<string, string?>(FullMesh) { ["MESH_BROKER_TYPE"] = configured }));

        Assert.Equal("binanceInternationalDirect", ((MeshCredentials)account.Credentials).BrokerType);
    }

    [Theory]
    [InlineData("http://api.example.com/v2", "TELNYX_BASE_URL must use https://")]
    [InlineData("not a url", "TELNYX_BASE_URL is not a valid URL")]
    [InlineData("ftp://127.0.0.1/", "TELNYX_BASE_URL is not a valid URL")]
    [InlineData("/v2", "TELNYX_BASE_URL is not a valid URL")]
    [InlineData("https://user:pw@api.example.com", "TELNYX_BASE_URL must not carry user information")]
    [InlineData("https://[pw", "TELNYX_BASE_URL is not a valid URL")]
    public void BadBaseUrl_NamesTheVariable(string url, string message)
    {
        var failure = BalanceServices.Failure(new Dictionary<string, string?> { ["TELNYX_API_KEY"] = "k", ["TELNYX_BASE_URL"] = url });

        Assert.StartsWith(message, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void BadBaseUrlInConfiguration_NamesTheKey()
    {
        var failure = BalanceServices.Failure(
            NoVariables,
            new Dictionary<string, string?> { ["Balances:Providers:telnyx:BaseUrl"] = "http://api.example.com" });

        Assert.StartsWith("Balances:Providers:telnyx:BaseUrl must use https://", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/")]
    [InlineData("http://localhost:9000/")]
    [InlineData("http://[::1]:9000/")]
    [InlineData("https://api.example.com/")]
    public void LoopbackHttpOrAnyHttps_IsAccepted(string url)
    {
        var options = BalanceServices.Options(
            new Dictionary<string, string?> { ["LUMENFALL_API_KEY"] = "k", ["LUMENFALL_BASE_URL"] = url });

        Assert.Equal(new Uri(url), options.GetProvider("lumenfall").BaseUrl);
    }

    [Fact]
    public void Configuration_BindsNamedAccountsAndResilience()
    {
        var settings = new Dictionary<string, string?>
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
            ["Balances:Providers:mesh:Accounts:beta:clientid"] = "id-b",
            ["Balances:Providers:mesh:Accounts:beta:CLIENTSECRET"] = "secret-b",
            ["Balances:Providers:mesh:Accounts:beta:AuthToken"] = "token-b",
            ["Balances:Providers:mesh:Accounts:beta:BrokerType"] = "kraken",
        };

        var options = BalanceServices.Options(FullMesh, settings);
        var accounts = BalanceServices.Accounts(FullMesh, settings);

        Assert.Equal((TimeSpan.FromSeconds(12), 3), (options.Timeout, options.MaxConcurrency));
        Assert.Equal(["alpha", "beta", "default"], accounts.Select(a => a.Name).Order(StringComparer.Ordinal));
        var mesh = options.GetProvider("mesh");
        Assert.Equal((0, TimeSpan.FromSeconds(3)), (mesh.Resilience.MaxRetries, mesh.Resilience.AttemptTimeout));
        Assert.Equal(
            ("id-b", "kraken"),
            accounts.Single(a => a.Name == "beta").Credentials is MeshCredentials beta ? (beta.ClientId, beta.BrokerType) : default);
    }

    [Fact]
    public void NamedAccountMissingASetting_NamesTheConfigurationKey()
    {
        var message = BalanceServices.Failure(
            NoVariables,
            new Dictionary<string, string?> { ["Balances:Providers:antgst:Accounts:cn:Unrelated"] = "x" });

        Assert.Equal(
            "Balances:Providers:antgst:Accounts:cn:AuthSecret is not set: "
            + "antgst needs all of Balances:Providers:antgst:Accounts:cn:AuthSecret.",
            message);
    }

    [Fact]
    public void UnknownProviderSection_IsAnError()
    {
        var message = BalanceServices.Failure(
            NoVariables,
            new Dictionary<string, string?> { ["Balances:Providers:twilio:BaseUrl"] = "https://x" });

        Assert.StartsWith("Balances:Providers:twilio is not a known provider", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Balances:Timeout", "soon", "Balances:Timeout is not a valid time span")]
    [InlineData("Balances:MaxConcurrency", "many", "Balances:MaxConcurrency is not a valid whole number")]
    [InlineData("Balances:Providers:telnyx:Resilience:UseJitter", "sometimes",
        "Balances:Providers:telnyx:Resilience:UseJitter is not a valid boolean")]
    [InlineData("Balances:Providers:telnyx:RateLimit:RequestsPerSecond", "fast",
        "Balances:Providers:telnyx:RateLimit:RequestsPerSecond is not a valid decimal amount")]
    public void ValueOfTheWrongType_NamesTheKeyAndNotTheValue(string key, string value, string message)
    {
        var failure = BalanceServices.Failure(NoVariables, new Dictionary<string, string?> { [key] = value });

        Assert.StartsWith(message, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(value, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TELNYX_API_KEY", "key-s3cret\r\nX-Injected: 1", "contains a control character")]
    [InlineData("UNDRCTRL_API_KEY", "key-s3cret\u0000", "contains a control character")]
    [InlineData("ANTGST_AUTH_SECRET", "auth\ts3cret", "contains a control character")]
    [InlineData("TELNYX_API_KEY", "clé-s3cret", "contains a character that cannot be sent in an HTTP header")]
    [InlineData("LUMENFALL_API_KEY", "key-s3cret-\u2603", "contains a character that cannot be sent in an HTTP header")]
    [InlineData("MESH_CLIENT_ID", "ïd-s3cret", "contains a character that cannot be sent in an HTTP header")]
    [InlineData("MESH_CLIENT_SECRET", "sécret-s3cret", "contains a character that cannot be sent in an HTTP header")]
    public void CredentialThatCannotBeSent_NamesTheVariableAndNotTheValue(string variable, string value, string problem)
    {
        var message = BalanceServices.Failure(new Dictionary<string, string?>(FullMesh) { [variable] = value });

        Assert.StartsWith($"{variable} {problem}", message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Theory]
    [InlineData("UNDRCTRL_API_KEY")]
    [InlineData("ANTGST_AUTH_SECRET")]
    [InlineData("MESH_AUTH_TOKEN")]
    public void NonAsciiCredentialSentInTheBody_IsAccepted(string variable)
    {
        var accounts = BalanceServices.Accounts(new Dictionary<string, string?>(FullMesh) { [variable] = "clé-ünïcode" });

        Assert.Contains(accounts, account => account.Credentials.Secrets.Contains("clé-ünïcode"));
    }

    [Fact]
    public void AccountMadeInCodeWithAHeaderCredentialThatCannotBeSent_NamesTheAccount()
    {
        var message = BalanceServices.Failure(NoVariables, configure: options =>
            options.Accounts.Add(new BalanceAccount("telnyx", "eu", new ApiKeyCredentials("clé"))));

        Assert.Equal(
            "The account telnyx/eu's ApiKey contains a character that cannot be sent in an HTTP header (only printable ASCII can).",
            message);
    }

    [Fact]
    public void AccountMadeInCodeWithCredentialsOfAnotherProvider_NamesTheType()
    {
        var message = BalanceServices.Failure(NoVariables, configure: options =>
            options.Accounts.Add(new BalanceAccount("mesh", "m", new ApiKeyCredentials("key"))));

        Assert.Equal("The account mesh/m needs MeshCredentials, not ApiKeyCredentials.", message);
    }

    [Fact]
    public void SameAccountInConfigurationAndCode_IsConfiguredTwice()
    {
        var message = BalanceServices.Failure(
            new Dictionary<string, string?> { ["TELNYX_API_KEY"] = "k" },
            configure: options => options.Accounts.Add(new BalanceAccount("telnyx", "DEFAULT", new ApiKeyCredentials("k2"))));

        Assert.Equal("The account telnyx/default is configured twice.", message);
    }

    [Theory]
    [InlineData("key\nwith a line break")]
    [InlineData("\u001b[2J")]
    public void Credentials_WithAControlCharacter_AreRefusedByTheirConstructor(string value)
    {
        Assert.Throws<ArgumentException>(() => new ApiKeyCredentials(value));
        Assert.Throws<ArgumentException>(() => new AntgstCredentials(value));
        Assert.Throws<ArgumentException>(() => new MeshCredentials(value, "s", "t", "sandbox"));
    }

    [Fact]
    public void Credentials_ToString_NeverShowsTheSecrets()
    {
        var credentials = new IAccountCredentials[]
        {
            new ApiKeyCredentials("key-s3cret"),
            new AntgstCredentials("auth-s3cret"),
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
    [InlineData("Balances:Timeout", "00:00:00", "Balances:Timeout must be between 1 ms and 1 day.")]
    [InlineData("Balances:MaxConcurrency", "0", "Balances:MaxConcurrency must be between 1 and 1024.")]
    [InlineData("Balances:Providers:telnyx:Resilience:AttemptTimeout", "00:00:00.001",
        "Balances:Providers:telnyx:Resilience:AttemptTimeout must be between 10 ms and 1 day.")]
    [InlineData("Balances:Providers:telnyx:Resilience:AttemptTimeout", "2.00:00:00",
        "Balances:Providers:telnyx:Resilience:AttemptTimeout must be between 10 ms and 1 day.")]
    [InlineData("Balances:Providers:telnyx:Resilience:RetryBaseDelay", "2.00:00:00",
        "Balances:Providers:telnyx:Resilience:RetryBaseDelay must be between 0 and 1 day.")]
    [InlineData("Balances:Providers:telnyx:Resilience:MaxRetryAfter", "-00:00:01",
        "Balances:Providers:telnyx:Resilience:MaxRetryAfter must be between 0 and 1 day.")]
    [InlineData("Balances:Providers:telnyx:Resilience:MaxRetries", "11",
        "Balances:Providers:telnyx:Resilience:MaxRetries must be between 0 and 10.")]
    [InlineData("Balances:Providers:telnyx:MaxResponseBytes", "0",
        "Balances:Providers:telnyx:MaxResponseBytes must be between 1 and 67108864.")]
    [InlineData("Balances:Providers:telnyx:RateLimit:RequestsPerSecond", "0",
        "Balances:Providers:telnyx:RateLimit:RequestsPerSecond must be between 0.001 and 10000.")]
    [InlineData("Balances:Providers:mesh:RateLimit:MaxConcurrency", "0",
        "Balances:Providers:mesh:RateLimit:MaxConcurrency must be between 1 and 1024.")]
    public void ValueOutsideItsRange_NamesTheKey(string key, string value, string message)
    {
        Assert.Equal(message, BalanceServices.Failure(NoVariables, new Dictionary<string, string?> { [key] = value }));
    }

    [Fact]
    public void Thresholds_BindFromConfiguration()
    {
        var options = BalanceServices.Options(NoVariables, new Dictionary<string, string?>
        {
            ["Balances:Thresholds:0:Provider"] = "telnyx",
            ["Balances:Thresholds:0:Warning"] = "100.50",
            ["Balances:Thresholds:0:Critical"] = "20",
            ["Balances:Thresholds:1:Provider"] = "mesh",
            ["Balances:Thresholds:1:Account"] = "alpha",
            ["Balances:Thresholds:1:Kind"] = "cash",
            ["Balances:Thresholds:1:Critical"] = "5",
        });

        Assert.Equal(
            ["telnyx (warning 100.50, critical 20)", "mesh/alpha.cash (warning -, critical 5)"],
            options.Thresholds.Select(t => t.ToString()));
    }

    [Theory]
    [InlineData("twilio", null, "1", null, "Balances:Thresholds:0: 'twilio' is not a provider")]
    [InlineData("telnyx", "sms", "1", null, "Balances:Thresholds:0: telnyx has no amount of kind 'sms'")]
    [InlineData("telnyx", null, null, null, "Balances:Thresholds:0 sets none of Warning, Critical, RunwayWarning and RunwayCritical.")]
    [InlineData("telnyx", null, "10", "20", "Balances:Thresholds:0: its Warning level is below its Critical level")]
    [InlineData("telnyx", null, "lots", null, "Balances:Thresholds:0:Warning is not a valid decimal amount.")]
    public void WrongThreshold_NamesIt(string provider, string? kind, string? warning, string? critical, string message)
    {
        var failure = BalanceServices.Failure(NoVariables, new Dictionary<string, string?>
        {
            ["Balances:Thresholds:0:Provider"] = provider,
            ["Balances:Thresholds:0:Kind"] = kind,
            ["Balances:Thresholds:0:Warning"] = warning,
            ["Balances:Thresholds:0:Critical"] = critical,
        });

        Assert.StartsWith(message, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void RunwayThresholds_BindFromConfigurationAsTimeSpans()
    {
        var options = BalanceServices.Options(NoVariables, new Dictionary<string, string?>
        {
            ["Balances:Thresholds:0:Provider"] = "telnyx",
            ["Balances:Thresholds:0:RunwayWarning"] = "7.00:00:00",
            ["Balances:Thresholds:0:RunwayCritical"] = "1.12:00:00",
        });

        var threshold = Assert.Single(options.Thresholds);
        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromHours(36)), (threshold.RunwayWarning, threshold.RunwayCritical));
        Assert.Equal("telnyx (warning -, critical -; runway warning 7.00:00:00, runway critical 1.12:00:00)", threshold.ToString());
    }

    [Theory]
    [InlineData(null, "7", null, "Balances:Thresholds:0:RunwayWarning '7' is a number of days to .NET")]
    [InlineData(null, "soon", null, "Balances:Thresholds:0:RunwayWarning is not a valid time span")]
    [InlineData(null, "00:00:30", null, "Balances:Thresholds:0:RunwayWarning must be between 1 minute and 3650 days.")]
    [InlineData(null, null, "-1.00:00:00", "Balances:Thresholds:0:RunwayCritical must be between 1 minute and 3650 days.")]
    [InlineData(null, "1.00:00:00", "2.00:00:00", "Balances:Thresholds:0: its RunwayWarning is shorter than its RunwayCritical")]
    [InlineData("balance", "7.00:00:00", null, "Balances:Thresholds:0: a runway is known only for the primary amount (available_credit)")]
    public void WrongRunwayThreshold_NamesIt(string? kind, string? warning, string? critical, string message)
    {
        var failure = BalanceServices.Failure(NoVariables, new Dictionary<string, string?>
        {
            ["Balances:Thresholds:0:Provider"] = "telnyx",
            ["Balances:Thresholds:0:Kind"] = kind,
            ["Balances:Thresholds:0:RunwayWarning"] = warning,
            ["Balances:Thresholds:0:RunwayCritical"] = critical,
        });

        Assert.StartsWith(message, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_MakesAnAccountOrNamesTheProblem()
    {
        var account = BalanceAccount.FromSettings("antgst", "cn", [new("authsecret", " demo-secret ")]);
        var missing = Assert.Throws<BalanceConfigurationException>(() => BalanceAccount.FromSettings("mesh", "m", [new("ClientId", "x")]));
        var unknown = Assert.Throws<BalanceConfigurationException>(() => BalanceAccount.FromSettings("twilio", "t", []));

        Assert.Equal("demo-secret", ((AntgstCredentials)account.Credentials).AuthSecret);
        Assert.Equal("ClientSecret is not set: mesh needs all of ClientId, ClientSecret, AuthToken, BrokerType.", missing.Message);
        Assert.StartsWith("'twilio' is not a known provider", unknown.Message, StringComparison.Ordinal);
    }
}
