using Microsoft.Extensions.Options;

namespace BalanceClients.Monitoring;

/// <summary>Checks the ranges of <see cref="BalanceMonitorOptions"/>' own settings (source-generated from their attributes).</summary>
[OptionsValidator]
internal sealed partial class BalanceMonitorOptionsValidator : IValidateOptions<BalanceMonitorOptions>;
