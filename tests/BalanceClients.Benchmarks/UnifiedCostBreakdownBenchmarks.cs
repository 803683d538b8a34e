using BalanceClients.Generated.Telnyx;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Benchmarks;

/// <summary>
/// Where the unified layer's per-call cost goes, on the stub handler: the generated client on a plain HttpClient, the same
/// client on the factory's HttpClient (resilience pipeline, body buffering), and the whole check (plus deadline,
/// classification, redaction, logging scope, metrics and trace).
/// </summary>
[MemoryDiagnoser]
public class UnifiedCostBreakdownBenchmarks
{
    private CheckerHost _host = null!;
    private HttpClient _plain = null!;
    private IHttpClientFactory _factory = null!;
    private BalanceAccount _account = null!;
    private string _baseUrl = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await CheckerHost.StartAsync(stubbedProvider: "telnyx");
        _baseUrl = _host.Fakes["telnyx"].BaseUrl.ToString();
        _plain = new HttpClient(new StubHandler(CheckerHost.SuccessBody(_host.Fakes, "telnyx")));
        _factory = _host.Services.GetRequiredService<IHttpClientFactory>();
        _account = _host.Account("telnyx");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _plain.Dispose();
        await _host.DisposeAsync();
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
    public async Task<decimal?> WholeCheck() => (await _host.Checker.CheckAsync(_account, CancellationToken.None)).Balance!.Primary!.Amount;
}
