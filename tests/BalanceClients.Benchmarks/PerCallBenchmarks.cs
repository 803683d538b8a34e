using BalanceClients.Generated.Telnyx;
using BenchmarkDotNet.Attributes;

namespace BalanceClients.Benchmarks;

/// <summary>
/// One Telnyx balance request through (a) the generated client alone, (b) the unified layer with its handlers, and (c) a
/// hand-written HttpClient + source-generated System.Text.Json baseline; on a stub handler and over loopback HTTP.
/// </summary>
[MemoryDiagnoser]
public class PerCallBenchmarks
{
    private CheckerHost _host = null!;
    private HttpClient _http = null!;
    private TelnyxClient _generated = null!;
    private BalanceAccount _account = null!;
    private Uri _url = null!;

    /// <summary>Where the answer comes from.</summary>
    [Params("stub", "loopback")]
    public string Transport { get; set; } = "stub";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await CheckerHost.StartAsync(stubbedProvider: Transport == "stub" ? "telnyx" : null);
        var telnyx = _host.Fakes["telnyx"];
        _http = Transport == "stub" ? new HttpClient(new StubHandler(CheckerHost.SuccessBody(_host.Fakes, "telnyx"))) : new HttpClient();
        _http.DefaultRequestHeaders.Authorization = new("Bearer", "demo-telnyx-api-key");
        _url = new Uri(telnyx.BaseUrl + "/balance");
        _generated = new TelnyxClient(_http) { BaseUrl = telnyx.BaseUrl.ToString() };
        _account = _host.Account("telnyx");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "baseline: HttpClient + STJ source-gen")]
    public Task<decimal> Baseline() => BaselineClient.GetAvailableCreditAsync(_http, _url, CancellationToken.None);

    [Benchmark(Description = "generated client")]
    public async Task<string?> Generated() => (await _generated.GetUserBalanceAsync(CancellationToken.None)).Data!.Available_credit;

    [Benchmark(Description = "unified layer")]
    public async Task<decimal?> Unified() => (await _host.Checker.CheckAsync(_account, CancellationToken.None)).Balance!.Primary!.Amount;
}
