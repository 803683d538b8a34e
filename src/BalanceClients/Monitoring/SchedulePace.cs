using BalanceClients.Configuration;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Monitoring;

/// <summary>
/// Says, in one log line per provider, when its <see cref="RateLimitOptions.RequestsPerSecond"/> cannot fit its accounts into
/// their interval (accounts × 1/rate &gt; interval): the checks will run late, and the schedule's lag will show by how much.
/// Checked when the accounts change; said again only when the numbers change.
/// </summary>
/// <param name="logger">Where it is said.</param>
internal sealed partial class SchedulePace(ILogger logger)
{
    private readonly Dictionary<string, (int Accounts, double PerSecond, TimeSpan Interval)> _said = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks every provider's accounts against its rate and interval.</summary>
    /// <param name="accounts">The accounts scheduled.</param>
    /// <param name="checker">The checker's options, with the rate limits.</param>
    /// <param name="monitor">The monitor's options, with the intervals.</param>
    public void Check(IReadOnlyList<BalanceAccount> accounts, BalanceCheckerOptions checker, BalanceMonitorOptions monitor)
    {
        foreach (var provider in accounts.GroupBy(account => account.Provider, StringComparer.OrdinalIgnoreCase))
        {
            var perSecond = checker.Providers.TryGetValue(provider.Key, out var settings) ? settings.RateLimit.RequestsPerSecond : null;
            var interval = monitor.IntervalOf(provider.Key);
            var count = provider.Count();
            if (perSecond is not { } rate || TimeSpan.FromSeconds(count / rate) <= interval)
            {
                _said.Remove(provider.Key);
                continue;
            }

            if (_said.TryGetValue(provider.Key, out var said) && said == (count, rate, interval))
            {
                continue;
            }

            _said[provider.Key] = (count, rate, interval);
            LogTooSlow(logger, provider.Key, count, rate, count / rate, interval.TotalSeconds);
        }
    }

    [LoggerMessage(
        21,
        LogLevel.Warning,
        "{Provider}: {Accounts} accounts at {RequestsPerSecond} requests/s need {NeededSeconds:F0} s per round, longer than the "
        + "{IntervalSeconds:F0} s interval: their checks will run late (see the schedule lag, balances_schedule_lag_seconds)")]
    private static partial void LogTooSlow(
        ILogger logger, string provider, int accounts, double requestsPerSecond, double neededSeconds, double intervalSeconds);
}
