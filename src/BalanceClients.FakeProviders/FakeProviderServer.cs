using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.FakeProviders;

/// <summary>
/// The five fake providers on one loopback server with an ephemeral port, each under its own base path that mirrors
/// the real server's path prefix. Start it, point the providers' <c>*_BASE_URL</c> at it, dispose it when done.
/// </summary>
public sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, FakeProvider> _providers;
    private readonly TimeProvider _timeProvider;

    private FakeProviderServer(WebApplication app, Uri root, TimeProvider timeProvider)
    {
        _app = app;
        _timeProvider = timeProvider;
        _providers = FakeProviderDefinition.All.ToDictionary(
            definition => definition.Id,
            definition => new FakeProvider(definition, new Uri(root, definition.BasePath.TrimStart('/'))),
            StringComparer.Ordinal);
    }

    /// <summary>The fake providers, by provider id.</summary>
    public IReadOnlyDictionary<string, FakeProvider> Providers => _providers;

    /// <summary>
    /// The contract's environment variables that point every provider at this server with its demo credentials:
    /// what <c>balances check --demo</c> runs with.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment =>
        _providers.Values
            .SelectMany(provider => provider.Credentials.Append(
                new($"{provider.Id.ToUpperInvariant()}_BASE_URL", provider.BaseUrl.ToString())))
            .ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal);

    /// <summary>A fake provider.</summary>
    /// <param name="providerId">The provider id.</param>
    /// <returns>The fake.</returns>
    public FakeProvider this[string providerId] => _providers[providerId];

    /// <summary>Starts the server on 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running server.</returns>
    public static Task<FakeProviderServer> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(TimeProvider.System, cancellationToken);

    /// <summary>Starts the server on 127.0.0.1 with an ephemeral port, timing its answers' delays on a given clock.</summary>
    /// <param name="timeProvider">The clock of <see cref="FakeResponse.Delay"/> and <see cref="FakeResponse.BodyStall"/>.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeProviderServer> StartAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        FakeProviderServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new FakeProviderServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"), timeProvider);
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var provider = _providers.Values.FirstOrDefault(p => path.StartsWith(p.BaseUrl.AbsolutePath + "/", StringComparison.Ordinal));
        if (provider is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var scope = provider.BeginRequest();
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new RecordedRequest(
            context.Request.Method,
            path[provider.BaseUrl.AbsolutePath.Length..],
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal),
            body);
        var answer = provider.Answer(request);
        await answer.WriteToAsync(context, _timeProvider).ConfigureAwait(false);
    }
}
