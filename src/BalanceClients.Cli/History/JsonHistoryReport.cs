using BalanceClients.Cli.Output;
using BalanceClients.History;

namespace BalanceClients.Cli.History;

/// <summary>
/// <c>{"readings": [{"time", "provider", "account", "kind", "currency", "amount"}, ...]}</c>, written as UTF-8 straight to standard
/// output as the readings stream; amounts go from <see cref="decimal"/> to JSON numbers exactly, as in <c>check</c>'s JSON.
/// </summary>
/// <param name="output">Standard output.</param>
internal sealed class JsonHistoryReport(Stream output) : IHistoryReport
{
    private const int FlushBytes = 16 * 1024;
    private readonly JsonArrayDocument _document = new(output, "readings");

    public async ValueTask AddAsync(StoredReading reading, CancellationToken cancellationToken)
    {
        var writer = _document.Writer;
        writer.WriteStartObject();
        writer.WriteString("time", ReadingsCsv.Time(reading.Time));
        writer.WriteString("provider", reading.Provider);
        writer.WriteString("account", reading.Account);
        writer.WriteString("kind", reading.Kind);
        writer.WriteString("currency", reading.Currency);
        if (reading.Amount is { } amount)
        {
            writer.WriteNumber("amount", amount);
        }
        else
        {
            writer.WriteNull("amount");
        }

        writer.WriteEndObject();
        if (writer.BytesPending >= FlushBytes)
        {
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => _document.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => _document.DisposeAsync();
}
