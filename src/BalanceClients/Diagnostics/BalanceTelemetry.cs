using System.Diagnostics;

namespace BalanceClients.Diagnostics;

/// <summary>
/// The library's traces and metrics, named <c>BalanceClients</c> for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>. The
/// instruments are named so that an export to Prometheus gives the families and labels of <c>balances serve</c>'s
/// <c>/metrics</c>: <c>balances.amount</c> (attributes <c>provider</c>, <c>account</c>, <c>kind</c>, <c>currency</c>,
/// <c>primary</c>) is <c>balances_amount</c>, <c>balances.level</c> is <c>balances_level</c>, <c>balances.checks</c> (unit
/// <c>{check}</c>; <c>outcome</c> is <c>success</c> or the error kind) is <c>balances_checks_total</c>. Two are the meter's
/// alone: the histogram <c>balances.checks.duration</c> (seconds) of every check, and <c>balances.retries</c>.
/// </summary>
public static class BalanceTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "BalanceClients";

    internal const string ProviderTag = "provider";
    internal const string AccountTag = "account";
    internal const string OutcomeTag = "outcome";
    internal const string KindTag = "kind";
    internal const string CurrencyTag = "currency";
    internal const string PrimaryTag = "primary";
    internal const string ErrorTypeTag = "error.type";
    internal const string HttpStatusTag = "http.response.status_code";

    /// <summary>The name of the activity of one account's check.</summary>
    internal const string CheckActivity = "balances.check";

    internal static readonly ActivitySource ActivitySource = new(Name);
}
