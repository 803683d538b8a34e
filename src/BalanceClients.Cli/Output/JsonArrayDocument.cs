using System.Text.Encodings.Web;
using System.Text.Json;

namespace BalanceClients.Cli.Output;

/// <summary>
/// A JSON document of one array, <c>{"NAME": [...]}</c>, indented and written as UTF-8 straight to standard output as its items
/// come: <c>check</c>'s results and <c>history</c>'s readings.
/// </summary>
internal sealed class JsonArrayDocument : IAsyncDisposable
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _output;

    /// <summary>Starts the document.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="name">The array's property.</param>
    public JsonArrayDocument(Stream output, string name)
    {
        _output = output;
        Writer = new Utf8JsonWriter(output, Options);
        Writer.WriteStartObject();
        Writer.WriteStartArray(name);
    }

    /// <summary>Where the items are written.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Ends the array and the document, with a line feed, and flushes.</summary>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the document is written.</returns>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Writer.WriteEndArray();
        Writer.WriteEndObject();
        await Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Writer.DisposeAsync();
}
