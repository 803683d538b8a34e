using System.Globalization;
using BalanceClients.History;

namespace BalanceClients.Output;

/// <summary>The Prometheus families of <c>balances check --format prometheus</c> and <c>balances serve</c>, and their samples.</summary>
internal static class BalanceMetrics
{
    public static readonly MetricFamily Amount = new("balances_amount", "Amount of an account's balance, by kind and currency.");

    public static readonly MetricFamily Low = new(
        "balances_low", "Whether the account is at its critical level, below a --min threshold (1) or not (0).");

    public static readonly MetricFamily Level = new("balances_level", "The account's level: 0 ok, 1 warning, 2 critical, 3 unknown.");

    public static readonly MetricFamily CheckSuccess = new(
        "balances_check_success", "Whether the account's latest check read its balance (1) or not (0).");

    public static readonly MetricFamily CheckError = new(
        "balances_check_error", "Why the account's latest check failed, as the error kind label; present only for failed checks.");

    public static readonly MetricFamily CheckDuration = new(
        "balances_check_duration_seconds", "How long the account's latest check took, retries included.");

    public static readonly MetricFamily Runway = new(
        "balances_runway_seconds",
        "Seconds until the account's primary amount reaches zero at its recent rate of spending; present only where known.");

    /// <summary>The families of <c>check</c>, in the order they are written.</summary>
    public static IReadOnlyList<MetricFamily> CheckFamilies { get; } =
        [Amount, Low, Level, CheckSuccess, CheckError, CheckDuration, Runway];

    /// <summary>The samples of one account.</summary>
    /// <param name="latest">The account's latest check.</param>
    /// <param name="amounts">The amounts to export: the latest check's, or the last good ones while it fails.</param>
    /// <param name="runway">The runway of its primary amount, when one is known.</param>
    /// <returns>Each sample with its family.</returns>
    public static IEnumerable<(MetricFamily Family, string Line)> SamplesOf(
        BalanceCheckResult latest, IReadOnlyList<BalanceAmount> amounts, BalanceRunway? runway)
    {
        var account = AccountLabels(latest.Provider, latest.Account);
        foreach (var amount in amounts)
        {
            if (amount.Amount is { } value)
            {
                var primary = amount.IsPrimary ? "true" : "false";
                var labels = $"{account},kind=\"{Escape(amount.Kind)}\",currency=\"{Escape(amount.Currency)}\",primary=\"{primary}\"";
                yield return (Amount, Amount.Sample(labels, Number(value)));
            }
        }

        yield return (Low, Low.Sample(account, latest.IsLow ? "1" : "0"));
        yield return (Level, Level.Sample(account, ((int)latest.Level).ToString(CultureInfo.InvariantCulture)));
        yield return (CheckSuccess, CheckSuccess.Sample(account, latest.IsSuccess ? "1" : "0"));
        if (latest.Error is { } error)
        {
            yield return (CheckError, CheckError.Sample($"{account},kind=\"{error.Kind.ToContractName()}\"", "1"));
        }

        var seconds = latest.Duration.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);
        yield return (CheckDuration, CheckDuration.Sample(account, seconds));
        if (runway is not null)
        {
            var labels = $"{account},kind=\"{Escape(runway.Kind)}\",currency=\"{Escape(runway.Currency)}\"";
            yield return (Runway, Runway.Sample(labels, runway.Seconds.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The <c>provider</c> and <c>account</c> labels of an account.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <returns>The labels in exposition form.</returns>
    public static string AccountLabels(string provider, string account) => $"provider=\"{Escape(provider)}\",account=\"{Escape(account)}\"";

    /// <summary>A decimal as a sample value, exactly as it is.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its invariant text.</returns>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A label value escaped by the exposition format's rules: backslash, double quote and line feed.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The escaped value.</returns>
    public static string Escape(string value) =>
        value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}
