using BalanceClients.Providers.Antgst;
using BalanceClients.Providers.Lumenfall;
using BalanceClients.Providers.Mesh;
using BalanceClients.Providers.Telnyx;
using BalanceClients.Providers.Undrctrl;

namespace BalanceClients.Providers;

/// <summary>Every provider the library knows. Adding one means a spec, its item in the build, its folder here and one line below.</summary>
internal static class ProviderCatalog
{
    /// <summary>The adapters, by provider id in the contract's order.</summary>
    public static IReadOnlyList<BalanceProvider> All { get; } =
    [
        new AntgstBalanceProvider(),
        new LumenfallBalanceProvider(),
        new MeshBalanceProvider(),
        new TelnyxBalanceProvider(),
        new UndrctrlBalanceProvider(),
    ];

    /// <summary>The provider ids.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(provider => provider.Descriptor.Id)];

    private static readonly Dictionary<string, BalanceProvider> ById =
        All.ToDictionary(p => p.Descriptor.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a provider's adapter.</summary>
    /// <param name="id">The provider id.</param>
    /// <param name="provider">The adapter, if known.</param>
    /// <returns>Whether the id is known.</returns>
    public static bool TryGet(string id, out BalanceProvider provider) => ById.TryGetValue(id, out provider!);

    /// <summary>Gets a provider's adapter.</summary>
    /// <param name="id">The provider id.</param>
    /// <returns>The adapter.</returns>
    /// <exception cref="ArgumentException">The id is not a known provider.</exception>
    public static BalanceProvider Get(string id) =>
        TryGet(id, out var provider)
            ? provider
            : throw new ArgumentException($"Unknown provider '{id}' (known: {string.Join(", ", Ids)}).", nameof(id));
}
