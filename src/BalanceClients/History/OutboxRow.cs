namespace BalanceClients.History;

/// <summary>One row of the store's outbox: a message queued for a receiver and not yet delivered.</summary>
/// <param name="Sequence">Its place in the outbox, given by the store: a message queued later has a greater one.</param>
/// <param name="Receiver">The receiver (as in <see cref="NotifiedRow.Receiver"/>).</param>
/// <param name="Provider">The provider id of the account it tells of.</param>
/// <param name="Account">The account's name.</param>
/// <param name="Levels">The levels it tells, in words, for log lines (<c>critical</c>, <c>ok; runway warning</c>).</param>
/// <param name="MessageId">Its Standard Webhooks id, the same on every attempt.</param>
/// <param name="Body">The body posted (UTF-8 JSON).</param>
/// <param name="Created">When it was queued, in Unix milliseconds.</param>
/// <param name="Bursts">How many bursts of attempts have failed so far.</param>
/// <param name="Due">When the next burst may start, in Unix milliseconds.</param>
internal sealed record OutboxRow(
    long Sequence,
    string Receiver,
    string Provider,
    string Account,
    string Levels,
    string MessageId,
    string Body,
    long Created,
    int Bursts,
    long Due);
