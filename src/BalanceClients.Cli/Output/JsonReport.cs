using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BalanceClients.Cli.Output;

/// <summary>The contract's JSON: one object, <c>{"results": [...]}</c>, on standard output.</summary>
internal sealed class JsonReport : IReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter _out;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;

    public JsonReport(TextWriter output)
    {
        _out = output;
        _writer = new Utf8JsonWriter(_buffer, Options);
        _writer.WriteStartObject();
        _writer.WriteStartArray("results");
    }

    public async Task AddAsync(ReportedResult result, CancellationToken cancellationToken)
    {
        ResultJson.Write(_writer, result);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _out.WriteLineAsync().ConfigureAwait(false);
        await _out.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _out.WriteAsync(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length).AsMemory(), cancellationToken).ConfigureAwait(false);
        _buffer.SetLength(0);
    }
}
