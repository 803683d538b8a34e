using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Tests.Testing;

/// <summary>The fake providers on loopback and a checker wired to them through the real DI registration.</summary>
internal sealed class CheckerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CheckerHarness(FakeProviderServer fakes, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Fakes = fakes;
        _services = services;
        Logs = logs;
        Checker = services.GetRequiredService<IBalanceChecker>();
    }

    public FakeProviderServer Fakes { get; }

    public IBalanceChecker Checker { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    /// <summary>
    /// Starts the fakes and a checker for them; retries happen without delay unless <paramref name="configure"/> says otherwise.
    /// <paramref name="configureServices"/> runs after the library's registration, so that handlers it adds sit inside the library's.
    /// With <paramref name="fakesOnTheClock"/>, the fakes' answers are delayed on <paramref name="timeProvider"/> too.
    /// </summary>
    public static async Task<CheckerHarness> StartAsync(
        Action<BalanceCheckerOptions>? configure = null,
        TimeProvider? timeProvider = null,
        Action<IServiceCollection>? configureServices = null,
        bool fakesOnTheClock = false)
    {
        var fakes = await FakeProviderServer.StartAsync(
            fakesOnTheClock ? timeProvider ?? TimeProvider.System : TimeProvider.System, CancellationToken.None);
        var logs = new CapturingLoggerProvider();
        var services = BalanceServices.Create(fakes.Environment, configure: options =>
        {
            foreach (var provider in ProviderInfo.All)
            {
                options.GetProvider(provider.Id).Resilience.RetryBaseDelay = TimeSpan.Zero;
            }

            configure?.Invoke(options);
        });
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        configureServices?.Invoke(services);
        return new CheckerHarness(fakes, services.BuildServiceProvider(), logs);
    }

    public FakeProvider Fake(string providerId) => Fakes[providerId];

    /// <summary>Waits until a fake has received <paramref name="count"/> requests; fails after <see cref="Bounded.Limit"/>.</summary>
    public Task WaitForRequestsAsync(string providerId, int count) =>
        Fake(providerId).WaitForRequestsAsync(count, CancellationToken.None).WithinLimit($"{providerId} to receive {count} request(s)");

    public BalanceAccount Account(string providerId) => Checker.Accounts.Single(account => account.Provider == providerId);

    public Task<BalanceCheckResult> CheckAsync(string providerId, CancellationToken cancellationToken = default) =>
        Checker.CheckAsync(Account(providerId), cancellationToken);

    /// <summary>The secrets of every configured account.</summary>
    public IEnumerable<string> Secrets => Checker.Accounts.SelectMany(account => account.Credentials.Secrets);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fakes.DisposeAsync();
    }
}
