using BalanceClients.AspNetCore;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoints of <c>balances serve</c> into an ASP.NET Core application.</summary>
public static class BalanceEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the endpoints of <c>balances serve</c>, with the same answers, from the monitor that
    /// <c>builder.Services.AddBalanceMonitor(...)</c> registers (and the runways of <c>AddBalanceHistory(...)</c>, when the
    /// readings are recorded): <c>GET /metrics</c> (Prometheus text, gzip when asked), <c>GET /api/v1/balances</c> (the check's
    /// JSON document), <c>GET /healthz</c>, <c>GET /readyz</c> (<c>503</c> until every account has been checked once) and
    /// <c>GET /health</c> (<c>503</c> when an account is critical or failing); <c>HEAD</c> too. No request reaches a provider.
    /// Listening, TLS and connection limits stay the application's.
    /// </summary>
    /// <param name="endpoints">The application, or a group (<c>app.MapGroup("/balances")</c>) to map the endpoints under.</param>
    /// <returns>The group of the endpoints, to add conventions to them all (authorization, say).</returns>
    /// <exception cref="InvalidOperationException">The monitor is not registered.</exception>
    public static RouteGroupBuilder MapBalanceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(string.Empty);
        BalanceEndpoints.Map(group);
        return group;
    }
}
