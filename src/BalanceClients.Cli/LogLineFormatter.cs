using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace BalanceClients.Cli;

/// <summary>
/// The tool's log lines on standard error (<c>--verbose</c>, and serve's warnings): one line per entry, as the simple console
/// formatter's single-line form writes it (<c>warn: Category[2] message</c>), with every control and invisible character of the
/// message escaped, so that an account name or a request path cannot drive the terminal or split a line. With
/// <c>--log-format json</c>, .NET's console JSON formatter writes them instead, escaping as JSON does.
/// </summary>
internal sealed class LogLineFormatter() : ConsoleFormatter(FormatterName)
{
    /// <summary>The formatter's name in <see cref="ConsoleLoggerOptions.FormatterName"/>.</summary>
    public const string FormatterName = "balances";

    /// <summary>The timestamp of a JSON log line: ISO 8601 in UTC, to the millisecond.</summary>
    public const string JsonTimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    /// <summary>Writes the tool's console log, every level to standard error: this formatter, or the JSON one.</summary>
    /// <param name="logging">The logging builder.</param>
    /// <param name="format">The format of the lines.</param>
    /// <returns>The same builder.</returns>
    public static ILoggingBuilder AddTo(ILoggingBuilder logging, LogFormat format)
    {
        if (format == LogFormat.Json)
        {
            logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = JsonTimestampFormat;
            });
            logging.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            return logging;
        }

        // The console logger takes every registered formatter; AddConsoleFormatter would also bind options by reflection.
        logging.AddConsole(options =>
        {
            options.FormatterName = FormatterName;
            options.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, LogLineFormatter>());
        return logging;
    }

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is { } exception)
        {
            message = $"{message} {exception}";
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write("] ");
        textWriter.WriteLine(CliText.OneLine(message));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
