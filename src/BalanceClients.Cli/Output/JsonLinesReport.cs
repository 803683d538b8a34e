using System.Text.Encodings.Web;
using System.Text.Json;
using BalanceClients.History;
using BalanceClients.Output;

namespace BalanceClients.Cli.Output;

/// <summary>JSON Lines for batches (<c>--accounts</c>): one result object per line, written to standard output as each completes.</summary>
internal sealed class JsonLinesReport : IReport
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _output;
    private readonly Utf8JsonWriter _writer;

    public JsonLinesReport(Stream output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(output, Options);
    }

    public async Task AddAsync(BalanceCheckResult result, BalanceRunway? runway, CancellationToken cancellationToken)
    {
        ResultJson.Write(_writer, result, runway);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        _writer.Reset();
        await _output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
