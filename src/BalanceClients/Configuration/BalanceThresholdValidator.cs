using Microsoft.Extensions.Options;

namespace BalanceClients.Configuration;

/// <summary>
/// Checks the ranges of one <see cref="BalanceThreshold"/> (source-generated from its attributes); handed the threshold's
/// section path, its messages name the configuration keys.
/// </summary>
[OptionsValidator]
internal sealed partial class BalanceThresholdValidator : IValidateOptions<BalanceThreshold>;
