using System.Text;
using BalanceClients.AspNetCore;
using BalanceClients.AspNetCore.StatusPage;
using BalanceClients.History;
using BalanceClients.Monitoring;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Testing;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace BalanceClients.Tests.AspNetCore;

/// <summary>
/// The status page's charts from a real store: the first rendering (the store's thinned read) and one an interval later (the
/// store read from where it was last read) draw exactly the charts of every reading of the last 30 days thinned in code, to
/// the last reading with an amount of each account's primary series in each 4 hours.
/// </summary>
public sealed class StatusPageSourceTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20_261_207;
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);
    private readonly StoreFolder _folder = new();
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RenderAsync_FirstAndAnIntervalLater_ChartsTheLastPrimaryReadingOfEachFourHours()
    {
        var random = new Random(Seed);
        output.WriteLine($"Readings from seed {Seed}.");
        var now = _clock.GetUtcNow();
        var state = State(now - TimeSpan.FromMinutes(2), ("telnyx", "eu"), ("undrctrl", "default"), ("lumenfall", "empty"));
        await using (var store = await BalanceStore.OpenAsync(_folder.File(), null, _clock))
        {
            await store.ImportAsync(RandomReadings(random, now - TimeSpan.FromDays(32), now - TimeSpan.FromMinutes(3), 4000));
        }

        await using var history = new BalanceHistory(Options.Create(new BalanceHistoryOptions { Path = _folder.File() }), _clock);
        var source = new StatusPageSource(history, _clock);

        var first = await source.RenderAsync(state, string.Empty, ready: true);
        Assert.Equal(await ExpectedAsync(state, now), Encoding.UTF8.GetString(first.Html));

        await using (var store = await BalanceStore.OpenAsync(_folder.File(), null, _clock))
        {
            await store.ImportAsync(RandomReadings(random, now - TimeSpan.FromMinutes(1), now + state.Intervals.Interval, 20));
        }

        _clock.Advance(state.Intervals.Interval);
        var later = await source.RenderAsync(state, string.Empty, ready: true);
        Assert.Equal(await ExpectedAsync(state, _clock.GetUtcNow()), Encoding.UTF8.GetString(later.Html));
    }

    // The page of the state whose charts are every stored reading of the 30 days before now, thinned here.
    private async Task<string> ExpectedAsync(BalanceDocuments.Rendered state, DateTimeOffset now)
    {
        await using var store = await BalanceStore.OpenReadOnlyAsync(_folder.File());
        var stored = await store.ReadAsync(since: now - StatusPageModel.Charted).ToListAsync();
        var accounts = state.Readings.Select(reading =>
            {
                var primary = reading.LastGood!.Primary!;
                var series = stored
                    .Where(r => (r.Provider, r.Account) == (reading.Provider, reading.Account))
                    .Where(r => (r.Kind, r.Currency) == (primary.Kind, primary.Currency) && r.Amount is not null)
                    .GroupBy(r => r.Time.ToUnixTimeMilliseconds() / (long)FourHours.TotalMilliseconds)
                    .Select(span => new SeriesPoint(span.Last().Time, span.Last().Amount!.Value))
                    .ToList();
                if (series.Count == 0 || series[^1].Time < reading.LastSuccessAt)
                {
                    series.Add(new SeriesPoint(reading.LastSuccessAt!.Value, primary.Amount!.Value));
                }

                Assert.True(series.Count > 1 || reading.Account == "empty", $"{reading.Account}: {series.Count} points");
                return new StatusPageAccount(reading, primary, null, null, null, series);
            })
            .Order(StatusPageAccount.WorstFirst)
            .ToList();
        var model = new StatusPageModel(accounts, now, state.Intervals.Interval, string.Empty, History: true, null, Ready: true);
        return Encoding.UTF8.GetString(StatusPageHtml.Render(model));
    }

    // Readings at random milliseconds of the accounts' primary series and of others beside them (another kind, another currency),
    // a tenth without an amount.
    private static IEnumerable<StoredReading> RandomReadings(Random random, DateTimeOffset from, DateTimeOffset to, int count)
    {
        (string Provider, string Account, string Kind, string Currency)[] series =
        [
            ("telnyx", "eu", Primary("telnyx"), "USD"), ("telnyx", "eu", Primary("telnyx"), "EUR"), ("telnyx", "eu", "other", "USD"),
            ("undrctrl", "default", Primary("undrctrl"), "USD"), ("lumenfall", "empty", "other", "USD"),
        ];
        var span = (long)(to - from).TotalMilliseconds;
        return Enumerable.Range(0, count)
            .Select(_ =>
            {
                var (provider, account, kind, currency) = series[random.Next(series.Length)];
                var amount = random.Next(10) == 0 ? (decimal?)null : random.Next(1_000_000) / 100m;
                var time = from + TimeSpan.FromMilliseconds(random.NextInt64(span));
                return new StoredReading(time, provider, account, kind, currency, amount);
            })
            .DistinctBy(reading => (reading.Provider, reading.Account, reading.Kind, reading.Currency, reading.Time));
    }

    private static string Primary(string provider) => ProviderInfo.Find(provider)!.PrimaryKind;

    // The monitor's state: each account read last at the given time, its primary amount in USD, no threshold and no runway.
    private static BalanceDocuments.Rendered State(DateTimeOffset readAt, params (string Provider, string Account)[] accounts)
    {
        var readings = accounts.Select(account =>
            {
                var balance = new AccountBalance(
                    account.Provider, account.Account, [new BalanceAmount(Primary(account.Provider), 5000m, "USD", true)], null, readAt);
                return new BalanceReading(
                    new BalanceCheckResult(account.Provider, account.Account, balance, null, TimeSpan.Zero), balance, readAt);
            })
            .ToList();
        var runways = new Dictionary<(string, string), BalanceRunway>();
        return new BalanceDocuments.Rendered(readings, runways, new BalanceThresholds([]), new BalanceMonitorOptions(), IsLeader: true)
        {
            Metrics = [],
            Json = [],
        };
    }
}
