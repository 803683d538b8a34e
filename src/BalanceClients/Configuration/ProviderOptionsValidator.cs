using Microsoft.Extensions.Options;

namespace BalanceClients.Configuration;

/// <summary>
/// Checks the ranges of one provider's <see cref="ProviderOptions"/>, its <see cref="ResilienceOptions"/> included
/// (source-generated from their attributes); handed the provider's section path, its messages name the configuration keys.
/// </summary>
[OptionsValidator]
internal sealed partial class ProviderOptionsValidator : IValidateOptions<ProviderOptions>;
