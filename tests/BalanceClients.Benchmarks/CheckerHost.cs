using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Benchmarks;

/// <summary>
/// The fake providers on loopback and a checker wired to them through <c>AddBalanceClients</c>, as every benchmark needs.
/// </summary>
internal sealed class CheckerHost : IAsyncDisposable
{
    private CheckerHost(FakeProviderServer fakes, ServiceProvider services)
    {
        Fakes = fakes;
        Services = services;
        Checker = services.GetRequiredService<IBalanceChecker>();
    }

    public FakeProviderServer Fakes { get; }

    public ServiceProvider Services { get; }

    public IBalanceChecker Checker { get; }

    /// <summary>Starts the fakes and the checker.</summary>
    /// <param name="configure">Changes the options after the contract's variables set them.</param>
    /// <param name="stubbedProvider">A provider whose answers come from a stub with its success example instead of the network.</param>
    public static async Task<CheckerHost> StartAsync(Action<BalanceCheckerOptions>? configure = null, string? stubbedProvider = null)
    {
        var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddBalanceEnvironmentVariables(fakes.Environment).Build();
        var services = new ServiceCollection().AddBalanceClients(configuration).Configure(configure ?? (_ => { }));
        if (stubbedProvider is not null)
        {
            var body = SuccessBody(fakes, stubbedProvider);
            services.AddHttpClient(HttpClientNames.For(stubbedProvider)).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(body));
        }

        return new CheckerHost(fakes, services.BuildServiceProvider());
    }

    /// <summary>A provider's success example, as bytes.</summary>
    public static byte[] SuccessBody(FakeProviderServer fakes, string provider) =>
        System.Text.Encoding.UTF8.GetBytes(fakes[provider].Success.Body!);

    public BalanceAccount Account(string provider) => Checker.Accounts.Single(a => a.Provider == provider);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fakes.DisposeAsync();
    }
}
