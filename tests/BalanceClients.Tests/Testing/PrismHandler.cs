using System.Collections.Concurrent;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// Asks Prism for one documented answer (<c>Prefer</c>) and records every violation Prism reports in <c>sl-violations</c>.
/// </summary>
internal sealed class PrismHandler(string? prefer) : DelegatingHandler
{
    public ConcurrentQueue<string> Violations { get; } = new();

    public int Requests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        Requests++;
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("sl-violations", out var violations))
        {
            foreach (var violation in violations)
            {
                Violations.Enqueue(violation);
            }
        }

        return response;
    }
}
