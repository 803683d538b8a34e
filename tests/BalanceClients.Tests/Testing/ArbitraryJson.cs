using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// Random JSON documents for property tests: objects keyed by the given names, arrays, and every kind of leaf, null included.
/// </summary>
internal static class ArbitraryJson
{
    private static readonly string[] Words =
        ["ok", "balance", "prepaid", "postpaid", "usd", "USD", "1000.92", "-18.383", "", "badRequest", "abc"];

    /// <summary>JSON text of up to <paramref name="depth"/> levels, whose object keys are drawn from <paramref name="names"/>.</summary>
    public static Gen<string> Text(IReadOnlyList<string> names, int depth) =>
        Node(names, depth).Select(node => node?.ToJsonString() ?? "null");

    private static Gen<JsonNode?> Node(IReadOnlyList<string> names, int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            Gen.Elements(Words).Select(w => (JsonNode?)JsonValue.Create(w)),
            ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null).Select(s => (JsonNode?)JsonValue.Create(s)),
            ArbMap.Default.ArbFor<decimal>().Generator.Select(d => (JsonNode?)JsonValue.Create(d)),
            ArbMap.Default.ArbFor<int>().Generator.Select(i => (JsonNode?)JsonValue.Create(i)),
            ArbMap.Default.ArbFor<bool>().Generator.Select(b => (JsonNode?)JsonValue.Create(b)));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Node(names, depth - 1);
        var obj = Gen.ListOf(Gen.Zip(Gen.Elements(names.ToArray()), inner)).Select(pairs =>
        {
            var node = new JsonObject();
            foreach (var (name, value) in pairs)
            {
                node[name] = value?.DeepClone();
            }

            return (JsonNode?)node;
        });
        var array = Gen.ListOf(inner).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]));
        return Gen.Frequency((2, leaf), (5, obj), (2, array));
    }
}
