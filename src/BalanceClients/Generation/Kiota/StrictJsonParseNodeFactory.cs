using Microsoft.Kiota.Abstractions.Serialization;

namespace BalanceClients.Generation.Kiota;

/// <summary>
/// Kiota's parse node factory for every answer, whatever its content type (as the NSwag clients read every answer as JSON):
/// <see cref="StrictJsonParseNode"/>s, so that a Kiota client used on its own reads as strictly as through the unified layer.
/// </summary>
internal sealed class StrictJsonParseNodeFactory : IParseNodeFactory
{
    /// <summary>The factory.</summary>
    public static StrictJsonParseNodeFactory Instance { get; } = new();

    /// <inheritdoc />
    public string ValidContentType => "application/json";

    /// <inheritdoc />
    public async Task<IParseNode> GetRootParseNodeAsync(string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var body = new MemoryStream();
        await content.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        return StrictJsonParseNode.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
    }
}
