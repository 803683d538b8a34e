using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BalanceClients.Diagnostics;

/// <summary>
/// The checker's instruments on the <c>BalanceClients</c> meter, made by the container's <see cref="IMeterFactory"/> (so that an
/// application's, or a test's, measurements are its own): <c>balances.checks</c>, <c>balances.checks.duration</c> and
/// <c>balances.retries</c>.
/// </summary>
internal sealed class BalanceCheckMetrics
{
    private readonly Counter<long> _checks;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">The container's meter factory.</param>
    public BalanceCheckMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(BalanceTelemetry.Name);
        _checks = meter.CreateCounter<long>(
            "balances.checks", unit: "{check}", description: "Checks of an account, by outcome: success or the error kind.");
        _duration = meter.CreateHistogram<double>(
            "balances.checks.duration", unit: "s", description: "Duration of each check of an account, retries included.");
        _retries = meter.CreateCounter<long>(
            "balances.retries", unit: "{retry}", description: "Balance requests tried again, by provider.");
    }

    /// <summary>Counts one check and records its duration.</summary>
    /// <param name="result">The check's result.</param>
    public void Checked(BalanceCheckResult result)
    {
        var tags = new TagList
        {
            { BalanceTelemetry.ProviderTag, result.Provider },
            { BalanceTelemetry.AccountTag, result.Account },
            { BalanceTelemetry.OutcomeTag, result.Outcome },
        };
        _checks.Add(1, tags);
        _duration.Record(result.Duration.TotalSeconds, tags);
    }

    /// <summary>Counts one request tried again.</summary>
    /// <param name="providerId">The provider.</param>
    public void Retried(string providerId) => _retries.Add(1, new KeyValuePair<string, object?>(BalanceTelemetry.ProviderTag, providerId));
}
