using Microsoft.Extensions.Options;

namespace BalanceClients.Configuration;

/// <summary>
/// Checks the ranges of <see cref="BalanceCheckerOptions"/>' own settings (source-generated from their attributes); handed the
/// section's path, its messages name the configuration keys.
/// </summary>
[OptionsValidator]
internal sealed partial class BalanceCheckerOptionsValidator : IValidateOptions<BalanceCheckerOptions>;
