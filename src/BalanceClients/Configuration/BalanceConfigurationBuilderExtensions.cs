using BalanceClients.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds the contract's environment variables to a configuration.</summary>
public static class BalanceConfigurationBuilderExtensions
{
    /// <summary>
    /// Adds the contract's environment variables (<c>TELNYX_API_KEY</c>, <c>MESH_CLIENT_ID</c>, <c>TELNYX_BASE_URL</c>, ...) as
    /// configuration of each provider's <c>default</c> account and server URL, and <c>BALANCES_WEBHOOK_URL</c> as one more JSON
    /// webhook (signed with <c>BALANCES_WEBHOOK_SECRET</c>, if set). Add it last so that the variables win.
    /// </summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="environment">The variables; <see langword="null"/> for the process's own environment.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddBalanceEnvironmentVariables(
        this IConfigurationBuilder builder,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new BalanceEnvironmentVariablesConfigurationSource { Environment = environment });
    }
}
