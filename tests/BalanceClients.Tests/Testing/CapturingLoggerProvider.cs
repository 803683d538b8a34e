using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BalanceClients.Tests.Testing;

/// <summary>Keeps every log line, formatted, with its structured values and scopes, for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(string Text, int Count, TaskCompletionSource Logged)> _waiters = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public string AllText => string.Join("\n", _lines);

    /// <summary>Completes once <paramref name="count"/> lines contain <paramref name="text"/>, at once if they do.</summary>
    /// <exception cref="TimeoutException">They did not within <see cref="Bounded.Limit"/>.</exception>
    public Task WaitForLinesAsync(string text, int count)
    {
        Task logged;
        lock (_waiters)
        {
            if (Count(text) >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, count, waiter));
            logged = waiter.Task;
        }

        return logged.WithinLimit($"{count} log line(s) with \"{text}\"");
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private int Count(string text) => _lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    private void Add(string line)
    {
        _lines.Enqueue(line);
        lock (_waiters)
        {
            foreach (var (_, _, logged) in _waiters.Where(waiter => Count(waiter.Text) >= waiter.Count))
            {
                logged.TrySetResult();
            }

            _waiters.RemoveAll(waiter => waiter.Count <= Count(waiter.Text));
        }
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner.Add($"{logLevel} {category}: {formatter(state, exception)} [{values}] scopes[{string.Join("; ", scopes)}] {exception}");
        }

        private static string Describe(object? scope) =>
            scope is IEnumerable<KeyValuePair<string, object>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : scope?.ToString() ?? string.Empty;
    }
}
