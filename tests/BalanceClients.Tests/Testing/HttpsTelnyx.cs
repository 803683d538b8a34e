using BalanceClients.FakeProviders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// Telnyx over HTTPS on 127.0.0.1 (an ephemeral port), with a certificate that a <see cref="TestCertificateAuthority"/> issued:
/// its balance answers with the example of <c>specs/telnyx.yaml</c> (400.00 USD available), anything else is 404.
/// </summary>
internal sealed class HttpsTelnyx : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpsTelnyx(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server URL to configure as <c>TELNYX_BASE_URL</c>: <c>https://127.0.0.1:PORT/v2</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The variables that point <c>balances</c> at this server with an API key.</summary>
    public Dictionary<string, string?> Environment => new()
    {
        ["TELNYX_API_KEY"] = "KEY-https-test", ["TELNYX_BASE_URL"] = BaseUrl.ToString().TrimEnd('/'),
    };

    /// <summary>Starts the server with the authority's server certificate.</summary>
    public static async Task<HttpsTelnyx> StartAsync(TestCertificateAuthority authority)
    {
        var balance = SpecExamples.Load("telnyx").Response("/balance", "get", "200");
        var (app, root) = await LoopbackApp.StartAsync(
            context =>
            {
                if (context.Request.Path != "/v2/balance")
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(balance);
            },
            authority.Server);
        return new HttpsTelnyx(app, new Uri(root, "v2"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(new CancellationToken(canceled: true));
        await _app.DisposeAsync();
    }
}
