using BalanceClients.Generated.Telnyx;
using BalanceClients.Generated.Telnyx.Kiota;
using BalanceClients.Generation.Kiota;
using BenchmarkDotNet.Attributes;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace BalanceClients.Benchmarks;

/// <summary>
/// One Telnyx balance request through (a) a hand-written HttpClient + source-generated System.Text.Json baseline, (b) the
/// NSwag client alone, (c) the Kiota client alone, as Kiota makes it and as AddBalanceClients registers it (strict JSON), and
/// (d) the unified layer with its handlers, on the clients this build chose (the job's name: NSwag or Kiota); on a stub
/// handler and over loopback HTTP. <c>generators.sh</c> runs it under both builds, one after the other.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThisBuildsGeneratorConfig))]
public class PerCallBenchmarks
{
    private CheckerHost _host = null!;
    private HttpClient _http = null!;
    private TelnyxClient _nswag = null!;
    private TelnyxApiClient _kiota = null!;
    private TelnyxApiClient _kiotaStrict = null!;
    private HttpClientRequestAdapter _kiotaAdapter = null!;
    private HttpClientRequestAdapter _kiotaStrictAdapter = null!;
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
        _nswag = new TelnyxClient(_http) { BaseUrl = telnyx.BaseUrl.ToString() };
        _kiotaAdapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _http)
        {
            BaseUrl = telnyx.BaseUrl.ToString(),
        };
        _kiota = new TelnyxApiClient(_kiotaAdapter);
        _kiotaStrictAdapter = KiotaSender.CreateAdapter(_http, telnyx.BaseUrl.ToString());
        _kiotaStrict = new TelnyxApiClient(_kiotaStrictAdapter);
        _account = _host.Account("telnyx");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _kiotaAdapter.Dispose();
        _kiotaStrictAdapter.Dispose();
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "baseline: HttpClient + STJ source-gen")]
    public Task<decimal> Baseline() => BaselineClient.GetAvailableCreditAsync(_http, _url, CancellationToken.None);

    [Benchmark(Description = "NSwag client")]
    public async Task<string?> NSwag() => (await _nswag.GetUserBalanceAsync(CancellationToken.None)).Data!.Available_credit;

    [Benchmark(Description = "Kiota client")]
    public async Task<string?> Kiota() => (await _kiota.Balance.GetAsync(cancellationToken: CancellationToken.None))!.Data!.AvailableCredit;

    [Benchmark(Description = "Kiota client, strict JSON (as registered)")]
    public async Task<string?> KiotaStrict() =>
        (await _kiotaStrict.Balance.GetAsync(cancellationToken: CancellationToken.None))!.Data!.AvailableCredit;

    [Benchmark(Description = "unified layer")]
    public async Task<decimal?> Unified() => (await _host.Checker.CheckAsync(_account, CancellationToken.None)).Balance!.Primary!.Amount;
}
