using System.Globalization;
using System.Text;
using BalanceClients.History;
using BalanceClients.Monitoring;

namespace BalanceClients.Output;

/// <summary>
/// The Prometheus text of a monitor's readings, as <c>/metrics</c> serves it: every family of <c>balances check --format
/// prometheus</c>, then the monitor's own (last success, checks, interval, thresholds, runway's end, build info, leader). The process
/// families that follow them on <c>/metrics</c> are <see cref="ProcessMetrics"/>'s, measured on each scrape.
/// </summary>
internal static class MonitorExposition
{
    /// <summary>When each account's balance was last read.</summary>
    public static readonly MetricFamily LastSuccess = new(
        "balances_last_success_timestamp_seconds",
        "When the account's balance was last read, as Unix time in seconds; absent until it is.");

    /// <summary>Checks of each account since the monitor started, by outcome.</summary>
    public static readonly MetricFamily Checks = new(
        "balances_checks_total", "Checks of the account since the monitor started, by outcome: success or the error kind.", "counter");

    /// <summary>Each account's configured interval.</summary>
    public static readonly MetricFamily CheckInterval = new(
        "balances_check_interval_seconds",
        "How often the account is checked, as configured (a failing account is checked less often while it backs off).");

    /// <summary>Each configured threshold's amount.</summary>
    public static readonly MetricFamily Threshold = new(
        "balances_threshold",
        "A configured threshold's amount, by the kind of amount it is about and its level (warning or critical).");

    /// <summary>When each account's runway ends.</summary>
    public static readonly MetricFamily RunwayEmpty = new(
        "balances_runway_empty_timestamp_seconds",
        "When the account's primary amount reaches zero at its recent rate of spending, as Unix time in seconds; "
        + "present only where known.");

    /// <summary>The build's version and revision.</summary>
    public static readonly MetricFamily Build = new(
        "balances_build_info", "The version of BalanceClients and the git revision it was built from; always 1.");

    /// <summary>Whether this replica leads the monitor.</summary>
    public static readonly MetricFamily Leader = new(
        "balances_leader",
        "1 where this replica leads the monitor (checks the providers, sends notifications), 0 where it follows the one that does.");

    private static readonly Comparer<(string Kind, string Level)> KindAndLevelOrder = Comparer<(string Kind, string Level)>.Create(
        static (x, y) => string.CompareOrdinal(x.Kind, y.Kind) is var byKind && byKind != 0
            ? byKind
            : string.CompareOrdinal(x.Level, y.Level));

    /// <summary>The families written from the readings, in their order.</summary>
    public static IReadOnlyList<MetricFamily> Families { get; } =
        [.. BalanceMetrics.CheckFamilies, LastSuccess, Checks, CheckInterval, Threshold, RunwayEmpty, Build, Leader];

    /// <summary>Renders the families of the readings.</summary>
    /// <param name="readings">The readings, in the contract's order.</param>
    /// <param name="runwayOf">The runway of an account, when one is known.</param>
    /// <param name="thresholds">The configured thresholds.</param>
    /// <param name="intervalOf">The configured interval of a provider's accounts.</param>
    /// <param name="isLeader">Whether this replica leads the monitor.</param>
    /// <returns>The UTF-8 text.</returns>
    public static byte[] Render(
        IReadOnlyList<BalanceReading> readings,
        Func<BalanceReading, BalanceRunway?> runwayOf,
        BalanceThresholds thresholds,
        Func<string, TimeSpan> intervalOf,
        bool isLeader)
    {
        var samples = Families.ToDictionary(family => family, _ => new StringBuilder());
        foreach (var reading in readings)
        {
            var runway = runwayOf(reading);
            foreach (var (family, line) in BalanceMetrics.SamplesOf(reading.Latest, reading.LastGood?.Amounts ?? [], runway))
            {
                samples[family].Append(line);
            }

            foreach (var (family, line) in SamplesOf(reading, runway, thresholds, intervalOf(reading.Provider)))
            {
                samples[family].Append(line);
            }
        }

        samples[Build].Append(Build.Sample(
            $"version=\"{BalanceMetrics.Escape(BuildInfo.Version)}\",revision=\"{BalanceMetrics.Escape(BuildInfo.Revision)}\"", "1"));
        samples[Leader].Append(Leader.Sample(string.Empty, isLeader ? "1" : "0"));
        var text = new StringBuilder();
        foreach (var family in Families)
        {
            text.Append(family.Header).Append(samples[family]);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static IEnumerable<(MetricFamily Family, string Line)> SamplesOf(
        BalanceReading reading, BalanceRunway? runway, BalanceThresholds thresholds, TimeSpan interval)
    {
        var account = BalanceMetrics.AccountLabels(reading.Provider, reading.Account);
        if (reading.LastSuccessAt is { } at)
        {
            yield return (LastSuccess, LastSuccess.Sample(account, UnixSeconds(at)));
        }

        foreach (var (outcome, count) in reading.CheckCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var labels = $"{account},outcome=\"{BalanceMetrics.Escape(outcome)}\"";
            yield return (Checks, Checks.Sample(labels, count.ToString(CultureInfo.InvariantCulture)));
        }

        yield return (CheckInterval, CheckInterval.Sample(account, interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)));
        foreach (var ((kind, level), amount) in ThresholdsOf(reading, thresholds))
        {
            var labels = $"{account},kind=\"{BalanceMetrics.Escape(kind)}\",level=\"{level}\"";
            yield return (Threshold, Threshold.Sample(labels, BalanceMetrics.Number(amount)));
        }

        if (runway is not null)
        {
            var labels = $"{account},kind=\"{BalanceMetrics.Escape(runway.Kind)}\",currency=\"{BalanceMetrics.Escape(runway.Currency)}\"";
            yield return (RunwayEmpty, RunwayEmpty.Sample(labels, UnixSeconds(runway.EmptyAt)));
        }
    }

    // One sample per kind and level: where several thresholds are about the same amount, the highest one is the one that decides
    // (an amount under any of them is at that level), as BalanceThresholds.LevelOf decides.
    private static SortedDictionary<(string Kind, string Level), decimal> ThresholdsOf(BalanceReading reading, BalanceThresholds thresholds)
    {
        var primary = ProviderInfo.Find(reading.Provider)?.PrimaryKind ?? string.Empty;
        var amounts = new SortedDictionary<(string Kind, string Level), decimal>(KindAndLevelOrder);
        foreach (var threshold in thresholds.All.Where(t => t.HasAmountLevels && t.AppliesTo(reading.Provider, reading.Account)))
        {
            var kind = threshold.Kind ?? primary;
            Add((kind, "warning"), threshold.Warning);
            Add((kind, "critical"), threshold.Critical);
        }

        return amounts;

        void Add((string Kind, string Level) key, decimal? amount)
        {
            if (amount is { } value && (!amounts.TryGetValue(key, out var known) || value > known))
            {
                amounts[key] = value;
            }
        }
    }

    private static string UnixSeconds(DateTimeOffset at) =>
        (at.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture);
}
