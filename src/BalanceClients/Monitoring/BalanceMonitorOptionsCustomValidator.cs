using BalanceClients.Configuration;
using Microsoft.Extensions.Options;

namespace BalanceClients.Monitoring;

/// <summary>
/// Checks what attributes cannot say of <see cref="BalanceMonitorOptions"/>: each of <see cref="BalanceMonitorOptions.ProviderIntervals"/>
/// is for a known provider and within the range of <see cref="BalanceMonitorOptions.Interval"/>; each failure names its key.
/// </summary>
internal sealed class BalanceMonitorOptionsCustomValidator : IValidateOptions<BalanceMonitorOptions>
{
    private static readonly SettingRangeAttribute IntervalRange = new(MonitorDefaults.MinInterval, MonitorDefaults.MaxInterval);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BalanceMonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ValidateOptionsResultBuilder();
        foreach (var (provider, interval) in options.ProviderIntervals)
        {
            var key = $"{ConfigurationKeys.Monitor}:{nameof(options.ProviderIntervals)}:{provider}";
            if (ProviderInfo.Find(provider.ToLowerInvariant()) is null)
            {
                failures.AddError($"{key} is not a known provider ({string.Join(", ", ProviderInfo.All.Select(p => p.Id))}).");
            }

            if (IntervalRange.ProblemWith(interval, key) is { } problem)
            {
                failures.AddError(problem);
            }
        }

        return failures.Build();
    }
}
