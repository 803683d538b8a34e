using System.Net;
using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// An ASP.NET Core application of someone else's that monitors balances: <c>AddBalanceMonitor</c>, its own endpoint, and
/// <c>MapBalanceEndpoints()</c>, on 127.0.0.1 (an ephemeral port), checking the given fakes on the given clock.
/// </summary>
internal sealed class EmbeddingApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddingApp(WebApplication app)
    {
        _app = app;
        Monitor = app.Services.GetRequiredService<BalanceMonitor>();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(address),
            Timeout = Bounded.Limit,
        };
    }

    public BalanceMonitor Monitor { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<EmbeddingApp> StartAsync(
        FakeProviderServer fakes,
        TimeProvider time,
        Action<WebApplicationBuilder>? configure = null,
        Action<IServiceProvider>? beforeStart = null,
        Action<BalanceClients.AspNetCore.BalanceEndpointOptions>? endpoints = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddBalanceEnvironmentVariables(fakes.Environment);
        builder.Services.AddSingleton(time);
        builder.Services.AddBalanceMonitor(builder.Configuration);
        builder.Services.Configure<BalanceCheckerOptions>(options =>
        {
            foreach (var provider in ProviderInfo.All)
            {
                options.GetProvider(provider.Id).Resilience.MaxRetries = 0;
            }
        });
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet("/hello", () => "the application's own endpoint");
        app.MapBalanceEndpoints(endpoints ?? (_ => { }));
        beforeStart?.Invoke(app.Services);
        await app.StartAsync();
        var embedding = new EmbeddingApp(app);
        await embedding.Monitor.WhenIdleAsync().WithinLimit("the embedded monitor's first turn");
        return embedding;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
