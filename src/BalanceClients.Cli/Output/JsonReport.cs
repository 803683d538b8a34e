using System.Text.Encodings.Web;
using System.Text.Json;
using BalanceClients.History;

namespace BalanceClients.Cli.Output;

/// <summary>The contract's JSON: one object, <c>{"results": [...]}</c>, written as UTF-8 straight to standard output.</summary>
internal sealed class JsonReport : IReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _output;
    private readonly Utf8JsonWriter _writer;

    public JsonReport(Stream output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(output, Options);
        _writer.WriteStartObject();
        _writer.WriteStartArray("results");
    }

    public async Task AddAsync(BalanceCheckResult result, BalanceRunway? runway, CancellationToken cancellationToken)
    {
        ResultJson.Write(_writer, result, runway);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
