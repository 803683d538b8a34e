using Microsoft.Extensions.Logging;

namespace BalanceClients.Diagnostics;

/// <summary>The library's log messages. None of them carries a secret: credentials are never passed in.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Checked {Provider}/{Account}: ok in {DurationMs:F0} ms")]
    public static partial void CheckSucceeded(ILogger logger, string provider, string account, double durationMs);

    [LoggerMessage(
        2,
        LogLevel.Warning,
        "Checked {Provider}/{Account}: {ErrorKind} (HTTP {HttpStatus}) in {DurationMs:F0} ms: {ErrorMessage}")]
    public static partial void CheckFailed(
        ILogger logger,
        string provider,
        string account,
        string errorKind,
        int? httpStatus,
        double durationMs,
        string errorMessage);

    [LoggerMessage(
        3,
        LogLevel.Information,
        "{Provider}: attempt {Attempt} failed (HTTP {HttpStatus}, {Exception}); retrying in {DelayMs:F0} ms")]
    public static partial void RetryingAttempt(
        ILogger logger,
        string provider,
        int attempt,
        int? httpStatus,
        string? exception,
        double delayMs);
}
