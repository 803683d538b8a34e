using Microsoft.Extensions.Options;

namespace BalanceClients.History;

/// <summary>Validates <see cref="BalanceHistoryOptions"/>; each failure is one line naming the configuration key.</summary>
internal sealed class BalanceHistoryOptionsValidator : IValidateOptions<BalanceHistoryOptions>
{
    private const string Section = "Balances:History";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BalanceHistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{Section}:Path is not set: the history needs the path of its store.");
        }

        if (options.RawRetention < HistoryDefaults.MinRawRetention)
        {
            failures.Add($"{Section}:RawRetention must be at least 1 hour.");
        }

        if (options.RetentionInterval < BalanceHistoryOptions.MinRetentionInterval
            || options.RetentionInterval > BalanceHistoryOptions.MaxRetentionInterval)
        {
            failures.Add($"{Section}:RetentionInterval must be between 1 minute and 7 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
