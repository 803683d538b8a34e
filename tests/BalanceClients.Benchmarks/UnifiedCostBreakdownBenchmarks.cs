using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.Generated.Telnyx;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Benchmarks;

/// <summary>
/// Where the unified layer's per-call cost goes, on the stub handler: the generated client on a plain HttpClient, the same
/// client on the factory's HttpClient (resilience pipeline, body buffering, the factory's own handlers), and the whole check
/// (plus deadline, classification, redaction, logging scope, metrics and trace).
/// </summary>
[MemoryDiagnoser]
public class UnifiedCostBreakdownBenchmarks
{
    private FakeProviderServer? _fakes;
    private ServiceProvider? _services;
    private HttpClient _plain = null!;
    private IHttpClientFactory _factory = null!;
    private IBalanceChecker _checker = null!;
    private BalanceAccount _account = null!;
    private string _baseUrl = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var body = System.Text.Encoding.UTF8.GetBytes(_fakes["telnyx"].Success.Body!);
        _baseUrl = _fakes["telnyx"].BaseUrl.ToString();
        _plain = new HttpClient(new StubHandler(body));
        var options = BalanceClientsConfiguration.Read(null, _fakes.Environment);
        var services = new ServiceCollection().AddBalanceClients(options);
        services.AddHttpClient(HttpClientNames.For("telnyx")).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(body));
        _services = services.BuildServiceProvider();
        _factory = _services.GetRequiredService<IHttpClientFactory>();
        _checker = _services.GetRequiredService<IBalanceChecker>();
        _account = options.Accounts.Single(a => a.Provider == "telnyx");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _plain.Dispose();
        await _services!.DisposeAsync();
        await _fakes!.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "generated client, plain HttpClient")]
    public async Task<string?> GeneratedOnPlainClient() =>
        (await new TelnyxClient(_plain) { BaseUrl = _baseUrl }.GetUserBalanceAsync(CancellationToken.None)).Data!.Available_credit;

    [Benchmark(Description = "generated client, factory HttpClient with the handlers")]
    public async Task<string?> GeneratedOnFactoryClient()
    {
        using var http = _factory.CreateClient(HttpClientNames.For("telnyx"));
        return (await new TelnyxClient(http) { BaseUrl = _baseUrl }.GetUserBalanceAsync(CancellationToken.None)).Data!.Available_credit;
    }

    [Benchmark(Description = "the whole check")]
    public async Task<decimal?> WholeCheck() => (await _checker.CheckAsync(_account, CancellationToken.None)).Balance!.Primary!.Amount;
}
