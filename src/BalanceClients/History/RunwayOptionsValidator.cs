using Microsoft.Extensions.Options;

namespace BalanceClients.History;

/// <summary>Checks the ranges of <see cref="RunwayOptions"/> (source-generated from their attributes).</summary>
[OptionsValidator]
internal sealed partial class RunwayOptionsValidator : IValidateOptions<RunwayOptions>;
