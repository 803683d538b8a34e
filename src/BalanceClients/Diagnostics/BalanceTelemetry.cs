using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BalanceClients.Diagnostics;

/// <summary>
/// The library's traces and metrics, named <c>BalanceClients</c> for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>.
/// </summary>
public static class BalanceTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "BalanceClients";

    internal const string ProviderTag = "balance.provider";
    internal const string AccountTag = "balance.account";
    internal const string OutcomeTag = "balance.outcome";
    internal const string KindTag = "balance.kind";
    internal const string CurrencyTag = "balance.currency";
    internal const string HttpStatusTag = "http.response.status_code";

    internal static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Checks of one account, tagged with provider and outcome (<c>ok</c> or the error kind).</summary>
    internal static readonly Counter<long> Checks = Meter.CreateCounter<long>(
        "balance.checks",
        description: "Balance checks of one account, by provider and outcome.");

    /// <summary>How long one account's check took, retries included.</summary>
    internal static readonly Histogram<double> CheckDuration = Meter.CreateHistogram<double>(
        "balance.check.duration",
        unit: "s",
        description: "Duration of one account's balance check, retries included.");

    /// <summary>Requests tried again.</summary>
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "balance.retries",
        description: "Balance requests tried again, by provider.");
}
