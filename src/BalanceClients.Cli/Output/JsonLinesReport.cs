using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BalanceClients.Cli.Output;

/// <summary>JSON Lines for batches (<c>--accounts</c>): one result object per line, written as each completes.</summary>
internal sealed class JsonLinesReport(TextWriter output) : IReport
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly MemoryStream _buffer = new();

    public async Task AddAsync(ReportedResult result, CancellationToken cancellationToken)
    {
        _buffer.SetLength(0);
        using (var writer = new Utf8JsonWriter(_buffer, Options))
        {
            ResultJson.Write(writer, result);
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length).AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _buffer.Dispose();
}
