using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BalanceClients.Cli;
using BalanceClients.Cli.Serve;
using BalanceClients.Configuration;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Tests.Serve;

/// <summary>
/// <c>--token-file FILE</c>: every endpoint but <c>/healthz</c> and <c>/readyz</c> requires the file's token (trimmed), as a bearer
/// token or as the password of basic authentication (any user name), and answers <c>401</c> with a <c>Basic</c> challenge
/// otherwise; a file that holds no token is exit 64 in one line; the token is never written anywhere.
/// </summary>
public sealed class ServeTokenTests : IDisposable
{
    private const string Token = "s3cret-Token_of-serve";
    private static readonly Dictionary<string, string?> NoVariables = [];
    private static readonly string[] Guarded = ["/", "/metrics", "/api/v1/balances", "/health"];
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    public async Task Serve_WithATokenFile_AnswersOnlyRequestsThatPresentIt_ButTheProbes()
    {
        var file = _folder.File("token");
        await File.WriteAllTextAsync(file, $"  {Token}\n");
        await using var serve = await WatchedServe.StartAsync(
            NoVariables, "--demo", "--listen", "127.0.0.1:0", "--token-file", file, "--verbose");
        using var http = new HttpClient { BaseAddress = serve.BaseUrl, Timeout = Bounded.Limit };
        await WatchedServe.WaitUntilReadyAsync(http);

        foreach (var path in Guarded)
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
            {
                using var refused = await http.SendAsync(new HttpRequestMessage(method, path));
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                Assert.Contains(refused.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
                Assert.Empty(await refused.Content.ReadAsByteArrayAsync());
            }

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, path, new("Bearer", Token + "x")));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, path, new("Bearer", Token[..^1])));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, path, Basic("ops", "wrong")));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, path, Basic(Token, "wrong")));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, path, new("Basic", "not base64!")));
            Assert.NotEqual(HttpStatusCode.Unauthorized, await StatusAsync(http, path, new("Bearer", Token)));
            Assert.NotEqual(HttpStatusCode.Unauthorized, await StatusAsync(http, path, new("bearer", Token)));
            Assert.NotEqual(HttpStatusCode.Unauthorized, await StatusAsync(http, path, Basic("any user", Token)));
            Assert.NotEqual(HttpStatusCode.Unauthorized, await StatusAsync(http, path, Basic(string.Empty, Token)));
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await http.GetAsync("/readyz")).StatusCode);
        using var metrics = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new("Bearer", Token) } };
        Assert.Contains("balances_amount{", await (await http.SendAsync(metrics)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token)), serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(CliRun.Category, CliRun.RunsAsAProcess)]
    public async Task Serve_TokenFileMistakes_ExitSixtyFourInOneLineThatNeverQuotesTheFile()
    {
        var blank = _folder.File("blank");
        await File.WriteAllTextAsync(blank, " \n\t\n");
        var empty = _folder.File("empty");
        await File.WriteAllTextAsync(empty, string.Empty);
        var large = _folder.File("large");
        await File.WriteAllTextAsync(large, Token + new string('x', 5000));
        var missing = _folder.File("missing");

        (string[] Args, string Line)[] cases =
        [
            (["--token-file", missing], $"balances: --token-file '{missing}' cannot be read: No such file or directory\n"),
            (["--token-file", _folder.Path], $"balances: --token-file '{_folder.Path}' cannot be read: "),
            (["--token-file", empty], $"balances: --token-file '{empty}' holds no token: it is empty or blank.\n"),
            (["--token-file", blank], $"balances: --token-file '{blank}' holds no token: it is empty or blank.\n"),
            (["--token-file", large], $"balances: --token-file '{large}' is longer than a token (4096 characters at most).\n"),
            (["--token-file", string.Empty], "balances: --token-file is empty: the path of a file that holds the token is needed.\n"),
        ];
        foreach (var (args, line) in cases)
        {
            var run = await CliRun.InProcessAsync(NoVariables, isTerminal: false, ["serve", "--demo", "--listen", "127.0.0.1:0", .. args]);

            Assert.Equal(64, run.ExitCode);
            Assert.StartsWith(line, run.Error, StringComparison.Ordinal);
            Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
            Assert.DoesNotContain(Token, run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_FromConfiguration_WhenTheCommandLineSaysNothing_AndTheFlagWins()
    {
        var configured = _folder.File("configured");
        File.WriteAllText(configured, "configured-token\r\n");
        var flagged = _folder.File("flagged");
        File.WriteAllText(flagged, Token);
        var configuration = Configuration(configured);

        Assert.Equal("configured-token", ServeToken.Read(Settings(null), configuration));
        Assert.Equal(Token, ServeToken.Read(Settings(flagged), configuration));
        Assert.Null(ServeToken.Read(Settings(null), new ConfigurationBuilder().Build()));
        Assert.Equal(
            $"Balances:Serve:TokenFile '{_folder.File("none")}' cannot be read: No such file or directory",
            Assert.Throws<BalanceConfigurationException>(
                () => ServeToken.Read(Settings(null), Configuration(_folder.File("none")))).Message);
    }

    private static IConfigurationRoot Configuration(string tokenFile) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Balances:Serve:TokenFile"] = tokenFile })
            .Build();

    private static ServeSettings Settings(string? tokenFile) =>
        new(ListenAddress.Parse("127.0.0.1:0")!, null, [], Demo: true, null, null, Verbose: false, LogFormat.Text, TokenFile: tokenFile);

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = authorization } };
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
