using BalanceClients.History;
using BalanceClients.Output;

namespace BalanceClients.Cli.Output;

/// <summary>The contract's JSON: one object, <c>{"results": [...]}</c>, written as UTF-8 straight to standard output.</summary>
/// <param name="output">Standard output.</param>
internal sealed class JsonReport(Stream output) : IReport
{
    private readonly JsonArrayDocument _document = new(output, "results");

    public async Task AddAsync(BalanceCheckResult result, BalanceRunway? runway, CancellationToken cancellationToken)
    {
        ResultJson.Write(_document.Writer, result, runway);
        await _document.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => _document.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => _document.DisposeAsync();
}
