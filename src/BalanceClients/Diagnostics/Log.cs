using Microsoft.Extensions.Logging;

namespace BalanceClients.Diagnostics;

/// <summary>
/// The library's log messages. None of them carries a secret: credentials are never passed in. An HTTP status is its number, or
/// <c>none</c> when no answer came (as <see cref="BalanceError.ToString"/> writes it).
/// </summary>
internal static partial class Log
{
    /// <summary>An HTTP status as the messages write it.</summary>
    /// <param name="status">The status, if an answer came.</param>
    /// <returns>The number, or <c>none</c>.</returns>
    public static string Status(int? status) => status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

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
        string httpStatus,
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
        string httpStatus,
        string? exception,
        double delayMs);
}
