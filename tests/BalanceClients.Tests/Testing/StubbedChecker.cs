using System.Net;
using BalanceClients.FakeProviders;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// A checker for one provider whose HTTP answers come from a stub instead of a server, through the real handlers:
/// fast enough for property tests that try hundreds of answers.
/// </summary>
internal sealed class StubbedChecker : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IBalanceChecker _checker;

    private StubbedChecker(ServiceProvider services, BalanceAccount account)
    {
        _services = services;
        Account = account;
        _checker = services.GetRequiredService<IBalanceChecker>();
    }

    public BalanceAccount Account { get; }

    /// <summary>The status and body of the next answers.</summary>
    public (int Status, byte[] Body) Answer { get; set; }

    public int Calls { get; private set; }

    public static async Task<StubbedChecker> CreateAsync(string provider)
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        StubbedChecker? stub = null;
        var services = BalanceServices.Create(
            fakes.Environment, configure: options => options.GetProvider(provider).Resilience.MaxRetries = 0);
        services.AddHttpClient(HttpClientNames.For(provider)).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(() => stub!.Answer));
        var built = services.BuildServiceProvider();
        stub = new StubbedChecker(built, built.GetRequiredService<IBalanceChecker>().Accounts.Single(a => a.Provider == provider));
        return stub;
    }

    public Task<BalanceCheckResult> CheckAsync()
    {
        Calls++;
        return _checker.CheckAsync(Account, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class StubHandler(Func<(int Status, byte[] Body)> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, body) = answer();
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = content, RequestMessage = request });
        }
    }
}
