using Microsoft.Extensions.Logging;

namespace BalanceClients.Notifications;

/// <summary>
/// The notifier's log messages. A webhook is named by its number (<c>webhook #2</c>, in configuration order), never by its
/// URL; no exception is passed in, since a network exception's text may quote the host.
/// </summary>
internal static partial class NotificationLog
{
    [LoggerMessage(40, LogLevel.Information, "Webhook #{Webhook}: told of {Provider}/{Account} ({Level})")]
    public static partial void Delivered(ILogger logger, int webhook, string provider, string account, string level);

    [LoggerMessage(
        41,
        LogLevel.Warning,
        "Webhook #{Webhook}: the message on {Provider}/{Account} ({Level}) was not delivered after {Attempts} attempt(s): {Reason}; "
        + "it is sent again at the account's next reading")]
    public static partial void NotDelivered(
        ILogger logger, int webhook, string provider, string account, string level, int attempts, string reason);

    [LoggerMessage(42, LogLevel.Debug, "Webhook #{Webhook}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs:F0} ms")]
    public static partial void Retrying(ILogger logger, int webhook, int attempt, string reason, double delayMs);

    [LoggerMessage(
        43,
        LogLevel.Warning,
        "Webhook #{Webhook}: {Pending} readings wait already; the one of {Provider}/{Account} waits for the account's next reading")]
    public static partial void QueueFull(ILogger logger, int webhook, int pending, string provider, string account);

    [LoggerMessage(
        44,
        LogLevel.Warning,
        "The levels already notified could not be read ({Reason}); a message sent before this start may be sent again")]
    public static partial void StateUnreadable(ILogger logger, string reason);

    [LoggerMessage(
        45,
        LogLevel.Warning,
        "Webhook #{Webhook}: the level told of {Provider}/{Account} could not be recorded ({Reason}); "
        + "after a restart it may be told again")]
    public static partial void StateNotSaved(ILogger logger, int webhook, string provider, string account, string reason);
}
