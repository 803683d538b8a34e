using Microsoft.Extensions.Options;

namespace BalanceClients.History;

/// <summary>Checks the ranges of <see cref="BalanceStoreOptions"/> (source-generated from their attributes).</summary>
[OptionsValidator]
internal sealed partial class BalanceStoreOptionsValidator : IValidateOptions<BalanceStoreOptions>;
