using Microsoft.Extensions.Options;

namespace BalanceClients.Configuration;

/// <summary>
/// Checks what the attributes of <see cref="BalanceCheckerOptions"/> cannot say: known provider ids, server URLs (named by the
/// variable they came from, never quoted), each provider's and threshold's ranges under its own key, and the thresholds' rules
/// across their fields. The accounts are checked beside it (<c>BalanceAccountsValidator</c>).
/// </summary>
/// <param name="names">How messages name settings.</param>
internal sealed class BalanceCheckerOptionsCustomValidator(SettingNames names) : IValidateOptions<BalanceCheckerOptions>
{
    private static readonly ProviderOptionsValidator ProviderValidator = new();
    private static readonly BalanceThresholdValidator ThresholdValidator = new();

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BalanceCheckerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ValidateOptionsResultBuilder();
        foreach (var (id, provider) in options.Providers)
        {
            CheckProvider(id, provider, failures);
        }

        for (var i = 0; i < options.Thresholds.Count; i++)
        {
            CheckThreshold(options.Thresholds[i], $"{ConfigurationKeys.Section}:Thresholds:{i}", failures);
        }

        return failures.Build();
    }

    private void CheckProvider(string id, ProviderOptions provider, ValidateOptionsResultBuilder failures)
    {
        var key = ConfigurationKeys.Provider(id);
        if (ProviderInfo.Find(id.ToLowerInvariant()) is not { } info)
        {
            failures.AddError($"{key} is not a known provider ({KnownIds}).");
            return;
        }

        if (provider.BaseUrl is { } url && BaseUrlRules.ProblemWith(url) is { } problem)
        {
            failures.AddError($"{names.Of(ConfigurationKeys.BaseUrl(info.Id), info.BaseUrlVariable)} {problem}");
        }

        failures.AddResult(ProviderValidator.Validate(key, provider));
    }

    private static void CheckThreshold(BalanceThreshold threshold, string key, ValidateOptionsResultBuilder failures)
    {
        if (ProviderInfo.Find(threshold.Provider?.ToLowerInvariant() ?? string.Empty) is not { } provider)
        {
            failures.AddError($"{key}: '{threshold.Provider}' is not a provider ({KnownIds}).");
            return;
        }

        if (threshold.Kind is not null && !provider.Kinds.Contains(threshold.Kind, StringComparer.Ordinal))
        {
            failures.AddError($"{key}: {provider.Id} has no amount of kind '{threshold.Kind}' ({string.Join(", ", provider.Kinds)}).");
        }

        if (!threshold.HasAmountLevels && !threshold.HasRunwayLevels)
        {
            failures.AddError($"{key} sets none of Warning, Critical, RunwayWarning and RunwayCritical.");
        }

        if (threshold.HasRunwayLevels && threshold.Kind is not null && threshold.Kind != provider.PrimaryKind)
        {
            failures.AddError($"{key}: a runway is known only for the primary amount ({provider.PrimaryKind}), not '{threshold.Kind}'.");
        }

        failures.AddResult(ThresholdValidator.Validate(key, threshold));
        foreach (var contradiction in threshold.LevelContradictions())
        {
            failures.AddError($"{key}: {contradiction}.");
        }
    }

    private static string KnownIds => string.Join(", ", ProviderInfo.All.Select(provider => provider.Id));
}
