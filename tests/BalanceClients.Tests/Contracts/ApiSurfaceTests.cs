using System.Text;
using BalanceClients.Tests.Testing;
using BalanceClients.Tests.Testing.Snapshots;

namespace BalanceClients.Tests.Contracts;

/// <summary>
/// The public API of the generated clients and of the unified layer, snapshotted: a spec change that alters it is a reviewable diff.
/// </summary>
public sealed class ApiSurfaceTests
{
    private static readonly Type[] Types = typeof(IBalanceChecker).Assembly.GetExportedTypes();

    [Fact]
    public async Task GeneratedClients_PublicApi()
    {
        var text = new StringBuilder();
        // Every provider's two clients: NSwag's (BalanceClients.Generated.Telnyx) and Kiota's (BalanceClients.Generated.Telnyx.Kiota...).
        var namespaces = Types.Select(type => type.Namespace!)
            .Where(ns => ns.StartsWith("BalanceClients.Generated.", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            text.Append("# ").Append(ns).Append('\n').Append(ApiSurface.Describe(Types.Where(t => t.Namespace == ns))).Append('\n');
        }

        await Verifier.Verify(text.ToString());
    }

    [Fact]
    public async Task UnifiedLayer_PublicApi()
    {
        await Verifier.Verify(
            ApiSurface.Describe(Types.Where(t => t.Namespace?.StartsWith("BalanceClients.Generated", StringComparison.Ordinal) != true)));
    }
}
