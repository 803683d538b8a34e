using Microsoft.Extensions.Options;

namespace BalanceClients.Monitoring;

/// <summary>
/// Validates <see cref="BalanceMonitorOptions"/>: every interval between 10 seconds and 1 day, each failure one line naming the key.
/// </summary>
internal sealed class BalanceMonitorOptionsValidator : IValidateOptions<BalanceMonitorOptions>
{
    private const string Section = "Balances:Monitor";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BalanceMonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options.Interval, $"{Section}:Interval", failures);
        foreach (var (provider, interval) in options.ProviderIntervals)
        {
            var key = $"{Section}:ProviderIntervals:{provider}";
            if (ProviderInfo.Find(provider.ToLowerInvariant()) is null)
            {
                failures.Add($"{key} is not a known provider ({string.Join(", ", ProviderInfo.All.Select(p => p.Id))}).");
            }

            Check(interval, key, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(TimeSpan interval, string key, List<string> failures)
    {
        if (interval < MonitorDefaults.MinInterval || interval > MonitorDefaults.MaxInterval)
        {
            failures.Add($"{key} must be between 10 seconds and 1 day.");
        }
    }
}
