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
    public static RouteGroupBuilder MapBalanceEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapBalanceEndpoints(static _ => { });

    /// <summary>
    /// Maps the endpoints of <c>balances serve</c> as <see cref="MapBalanceEndpoints(IEndpointRouteBuilder)"/> does, with options:
    /// with <see cref="BalanceEndpointOptions.Token"/> set, every endpoint but <c>/healthz</c> and <c>/readyz</c> requires that
    /// token (as a bearer token, or as the password of basic authentication) and answers <c>401</c> without it, as
    /// <c>balances serve --token-file</c> does.
    /// </summary>
    /// <param name="endpoints">The application, or a group to map the endpoints under.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The group of the endpoints.</returns>
    /// <exception cref="InvalidOperationException">The monitor is not registered.</exception>
    /// <exception cref="ArgumentException">The token is set but blank.</exception>
    public static RouteGroupBuilder MapBalanceEndpoints(this IEndpointRouteBuilder endpoints, Action<BalanceEndpointOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new BalanceEndpointOptions();
        configure(options);
        var group = endpoints.MapGroup(string.Empty);
        BalanceEndpoints.Map(group, options);
        return group;
    }
}
