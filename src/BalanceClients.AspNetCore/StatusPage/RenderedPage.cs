namespace BalanceClients.AspNetCore.StatusPage;

/// <summary>One rendering of the status page.</summary>
/// <param name="Links">The path it was rendered for (its links are under it).</param>
/// <param name="Html">The page.</param>
/// <param name="Gzip">The page as one gzip member.</param>
internal sealed record RenderedPage(string Links, byte[] Html, byte[] Gzip);
