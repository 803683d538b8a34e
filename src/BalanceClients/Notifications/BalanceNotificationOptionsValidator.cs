using Microsoft.Extensions.Options;

namespace BalanceClients.Notifications;

/// <summary>Checks the ranges of <see cref="BalanceNotificationOptions"/> (source-generated from their attributes).</summary>
[OptionsValidator]
internal sealed partial class BalanceNotificationOptionsValidator : IValidateOptions<BalanceNotificationOptions>;
