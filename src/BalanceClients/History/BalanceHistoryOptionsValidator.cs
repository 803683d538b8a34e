using Microsoft.Extensions.Options;

namespace BalanceClients.History;

/// <summary>Checks the ranges of <see cref="BalanceHistoryOptions"/> (source-generated from their attributes).</summary>
[OptionsValidator]
internal sealed partial class BalanceHistoryOptionsValidator : IValidateOptions<BalanceHistoryOptions>;
