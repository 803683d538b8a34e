using System.Text;
using BalanceClients.History;

namespace BalanceClients.Cli.History;

/// <summary>The CSV of readings (<see cref="ReadingsCsv"/>), streamed: the header, then one row per reading, lines ended by LF.</summary>
/// <param name="output">Standard output.</param>
internal sealed class CsvHistoryReport(TextWriter output) : IHistoryReport
{
    private readonly StringBuilder _row = new();
    private bool _started;

    public async ValueTask AddAsync(StoredReading reading, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(ReadingsCsv.Row(reading, _row).Append('\n'), cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            _started = true;
            await output.WriteAsync((ReadingsCsv.Header + "\n").AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}
