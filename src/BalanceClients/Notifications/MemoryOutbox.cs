using BalanceClients.History;
using BalanceClients.Monitoring;

namespace BalanceClients.Notifications;

/// <summary>The outbox of a process without a store: the same rules as the store's, for the process's life.</summary>
internal sealed class MemoryOutbox : IWebhookOutbox
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<(string Provider, string Account), NotifiedRow>> _told = new(StringComparer.Ordinal);

    private readonly List<OutboxRow> _messages = [];
    private long _sequence;

    /// <inheritdoc />
    public Task<IReadOnlyList<NotifiedRow>> ReadToldAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<NotifiedRow>>([.. _told.Values.SelectMany(accounts => accounts.Values)]);
        }
    }

    /// <inheritdoc />
    public Task<bool> QueueAsync(
        NotifiedRow told, (string Level, string RunwayLevel)? expected, OutboxRow? message, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_told.TryGetValue(told.Receiver, out var accounts))
            {
                _told[told.Receiver] = accounts = new(AccountKeyComparer.Instance);
            }

            (string, string)? recorded = accounts.TryGetValue((told.Provider, told.Account), out var row)
                ? (row.Level, row.RunwayLevel)
                : null;
            if (recorded != expected)
            {
                return Task.FromResult(false);
            }

            accounts[(told.Provider, told.Account)] = told;
            if (message is not null)
            {
                _messages.Add(message with { Sequence = ++_sequence });
            }

            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxRow>> ReadAsync(string receiver, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<OutboxRow>>([.. _messages.Where(message => message.Receiver == receiver)]);
        }
    }

    /// <inheritdoc />
    public Task RemoveAsync(string messageId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _messages.RemoveAll(message => message.MessageId == messageId);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task DeferAsync(string messageId, int bursts, long due, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _messages.FindIndex(message => message.MessageId == messageId);
            if (index >= 0)
            {
                _messages[index] = _messages[index] with { Bursts = bursts, Due = due };
            }

            return Task.CompletedTask;
        }
    }
}
