using BalanceClients.Providers;

namespace BalanceClients;

/// <summary>What the contract says of one provider: its id, name, kinds of amount and settings.</summary>
/// <param name="Id">The provider id.</param>
/// <param name="DisplayName">The provider's name for people.</param>
/// <param name="DefaultBaseUrl">The spec's server URL.</param>
/// <param name="Kinds">The kinds of amount it reports, in order.</param>
/// <param name="PrimaryKind">The kind a plain threshold applies to.</param>
/// <param name="EnvironmentVariables">The contract's variables that enable its <c>default</c> account (all are needed).</param>
public sealed record ProviderInfo(
    string Id,
    string DisplayName,
    Uri DefaultBaseUrl,
    IReadOnlyList<string> Kinds,
    string PrimaryKind,
    IReadOnlyList<string> EnvironmentVariables)
{
    /// <summary>Every provider, ordered by id.</summary>
    public static IReadOnlyList<ProviderInfo> All { get; } = [.. ProviderCatalog.All.Select(provider => provider.Descriptor.Info)];

    /// <summary>Finds a provider by id.</summary>
    /// <param name="id">The provider id.</param>
    /// <returns>The provider, or <see langword="null"/> if the id is unknown.</returns>
    public static ProviderInfo? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The keys of its credential settings under an account's section (<c>ApiKey</c>; <c>ClientId</c>, ...), in the order of
    /// <see cref="EnvironmentVariables"/>.
    /// </summary>
    internal IReadOnlyList<string> CredentialKeys { get; init; } = [];

    /// <summary>The contract's variable that replaces its server URL (<c>MESH_BASE_URL</c>).</summary>
    internal string BaseUrlVariable => Id.ToUpperInvariant() + "_BASE_URL";
}
