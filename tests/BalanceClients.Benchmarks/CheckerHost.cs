using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Benchmarks;

/// <summary>The fake providers on loopback and a checker wired to them through <c>AddBalanceClients</c>, as every benchmark needs.</summary>
internal sealed class CheckerHost : IAsyncDisposable
{
    private CheckerHost(FakeProviderServer fakes, BalanceClientsOptions options, ServiceProvider services)
    {
        Fakes = fakes;
        Options = options;
        Services = services;
        Checker = services.GetRequiredService<IBalanceChecker>();
    }

    public FakeProviderServer Fakes { get; }

    public BalanceClientsOptions Options { get; }

    public ServiceProvider Services { get; }

    public IBalanceChecker Checker { get; }

    /// <summary>Starts the fakes and the checker.</summary>
    /// <param name="configure">Changes the options before they are registered.</param>
    /// <param name="stubbedProvider">A provider whose answers come from a stub with its success example instead of the network.</param>
    public static async Task<CheckerHost> StartAsync(Action<BalanceClientsOptions>? configure = null, string? stubbedProvider = null)
    {
        var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var options = BalanceClientsConfiguration.Read(null, fakes.Environment);
        configure?.Invoke(options);
        var services = new ServiceCollection().AddBalanceClients(options);
        if (stubbedProvider is not null)
        {
            var body = SuccessBody(fakes, stubbedProvider);
            services.AddHttpClient(HttpClientNames.For(stubbedProvider)).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(body));
        }

        return new CheckerHost(fakes, options, services.BuildServiceProvider());
    }

    /// <summary>A provider's success example, as bytes.</summary>
    public static byte[] SuccessBody(FakeProviderServer fakes, string provider) => System.Text.Encoding.UTF8.GetBytes(fakes[provider].Success.Body!);

    public BalanceAccount Account(string provider) => Options.Accounts.Single(a => a.Provider == provider);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fakes.DisposeAsync();
    }
}
