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
        + "it waits in the outbox and is tried again in {WaitSeconds:0.###} s")]
    public static partial void NotDelivered(
        ILogger logger, int webhook, string provider, string account, string level, int attempts, string reason, double waitSeconds);

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
        "The store could not be opened for the webhooks' outbox ({Reason}); messages wait in memory, "
        + "and a restart may repeat one or lose one")]
    public static partial void StateUnreadable(ILogger logger, string reason);

    [LoggerMessage(
        45,
        LogLevel.Warning,
        "Webhook #{Webhook}: the change of {Provider}/{Account} ({Level}) could not be queued ({Reason}); "
        + "the account's next reading queues it")]
    public static partial void NotQueued(ILogger logger, int webhook, string provider, string account, string level, string reason);

    [LoggerMessage(
        46,
        LogLevel.Warning,
        "Webhook #{Webhook}: the outbox could not be read ({Reason}); it is read again in {WaitSeconds:0.###} s")]
    public static partial void OutboxUnreadable(ILogger logger, int webhook, string reason, double waitSeconds);

    [LoggerMessage(
        47,
        LogLevel.Warning,
        "Webhook #{Webhook}: the message on {Provider}/{Account} ({Level}) is dropped, undelivered after {Bursts} burst(s) of attempts "
        + "and older than MaxAge ({MaxAge})")]
    public static partial void Dropped(
        ILogger logger, int webhook, string provider, string account, string level, int bursts, TimeSpan maxAge);

    [LoggerMessage(
        48,
        LogLevel.Warning,
        "Webhook #{Webhook}: the outbox could not record what became of the message on {Provider}/{Account} ({Reason}); "
        + "after a restart it may be sent again, with the same webhook-id")]
    public static partial void OutboxNotSaved(ILogger logger, int webhook, string provider, string account, string reason);

    [LoggerMessage(
        49,
        LogLevel.Warning,
        "A webhook that is no longer configured ({Receiver}, its key in the store) had {Count} message(s) waiting in the outbox; "
        + "they are dropped unsent, and what it was told is forgotten")]
    public static partial void RemovedWebhook(ILogger logger, string receiver, int count);
}
