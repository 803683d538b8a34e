using Microsoft.Extensions.Configuration;

namespace BalanceClients.Configuration;

/// <summary>
/// The contract's environment variables (<c>TELNYX_API_KEY</c>, <c>MESH_CLIENT_ID</c>, <c>TELNYX_BASE_URL</c>, ...) as
/// configuration: each sets the matching key of the <c>Balances</c> section for the provider's <c>default</c> account;
/// <c>BALANCES_WEBHOOK_URL</c> adds a JSON webhook after those of <c>Balances:Notifications:Webhooks</c>, signed with
/// <c>BALANCES_WEBHOOK_SECRET</c> if set.
/// </summary>
public sealed class BalanceEnvironmentVariablesConfigurationSource : IConfigurationSource
{
    /// <summary>The variables to read; <see langword="null"/> for the process's own environment.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IReadOnlyDictionary<string, string?>? Environment { get; set; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new BalanceEnvironmentVariablesConfigurationProvider(Environment);
}
