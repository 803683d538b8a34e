using Microsoft.Extensions.Hosting;

namespace BalanceClients.FakeProviders;

/// <summary>
/// The fakes' host lifetime: none of its own. The default one takes SIGTERM and SIGINT for itself, which would stop the fakes
/// and leave the process that embeds them (a test, <c>balances serve --demo</c>) running; the embedder stops them.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
