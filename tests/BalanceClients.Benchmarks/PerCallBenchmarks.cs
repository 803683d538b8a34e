using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.Generated.Telnyx;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Benchmarks;

/// <summary>
/// One Telnyx balance request through (a) the generated client alone, (b) the unified layer with its handlers, and (c) a
/// hand-written HttpClient + source-generated System.Text.Json baseline; on a stub handler and over loopback HTTP.
/// </summary>
[MemoryDiagnoser]
public class PerCallBenchmarks
{
    private FakeProviderServer? _fakes;
    private ServiceProvider? _services;
    private HttpClient _http = null!;
    private TelnyxClient _generated = null!;
    private IBalanceChecker _checker = null!;
    private BalanceAccount _account = null!;
    private Uri _url = null!;

    /// <summary>Where the answer comes from.</summary>
    [Params("stub", "loopback")]
    public string Transport { get; set; } = "stub";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var telnyx = _fakes["telnyx"];
        var body = System.Text.Encoding.UTF8.GetBytes(telnyx.Success.Body!);
        _http = Transport == "stub" ? new HttpClient(new StubHandler(body)) : new HttpClient();
        _http.DefaultRequestHeaders.Authorization = new("Bearer", "demo-telnyx-api-key");
        _url = new Uri(telnyx.BaseUrl + "/balance");
        _generated = new TelnyxClient(_http) { BaseUrl = telnyx.BaseUrl.ToString() };

        var options = BalanceClientsConfiguration.Read(null, _fakes.Environment);
        var services = new ServiceCollection().AddBalanceClients(options);
        if (Transport == "stub")
        {
            services.AddHttpClient(HttpClientNames.For("telnyx")).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(body));
        }

        _services = services.BuildServiceProvider();
        _checker = _services.GetRequiredService<IBalanceChecker>();
        _account = options.Accounts.Single(a => a.Provider == "telnyx");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _services!.DisposeAsync();
        await _fakes!.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "baseline: HttpClient + STJ source-gen")]
    public Task<decimal> Baseline() => BaselineClient.GetAvailableCreditAsync(_http, _url, CancellationToken.None);

    [Benchmark(Description = "generated client")]
    public async Task<string?> Generated() => (await _generated.GetUserBalanceAsync(CancellationToken.None)).Data!.Available_credit;

    [Benchmark(Description = "unified layer")]
    public async Task<decimal?> Unified() => (await _checker.CheckAsync(_account, CancellationToken.None)).Balance!.Primary!.Amount;
}
