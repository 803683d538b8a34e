using YamlDotNet.RepresentationModel;

namespace BalanceClients.Tests.Deploy;

/// <summary>Reading the YAML files of <c>deploy/</c>: a path of keys leads to a node, a scalar or a sequence.</summary>
internal static class YamlNodes
{
    /// <summary>The first document of a file.</summary>
    public static YamlNode Load(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    /// <summary>The node at these keys of nested mappings.</summary>
    /// <exception cref="KeyNotFoundException">One is missing; the message names it.</exception>
    public static YamlNode At(this YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            node = Find(node, key) ?? throw new KeyNotFoundException($"no key '{key}' at {node.Start}");
        }

        return node;
    }

    /// <summary>Whether the mapping has this key.</summary>
    public static bool Has(this YamlNode node, string key) => Find(node, key) is not null;

    /// <summary>The scalar at these keys.</summary>
    public static string Text(this YamlNode node, params string[] keys) => ((YamlScalarNode)node.At(keys)).Value ?? string.Empty;

    /// <summary>The items of the sequence at these keys.</summary>
    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] keys) =>
        [.. ((YamlSequenceNode)node.At(keys)).Children];

    /// <summary>The scalar values of the sequence at these keys.</summary>
    public static IReadOnlyList<string> Texts(this YamlNode node, params string[] keys) =>
        [.. node.Items(keys).Select(item => ((YamlScalarNode)item).Value ?? string.Empty)];

    /// <summary>The keys and scalar values of the mapping at <paramref name="key"/>, or none where it is missing.</summary>
    public static IReadOnlyDictionary<string, string> Pairs(this YamlNode node, string key) =>
        node.Has(key)
            ? ((YamlMappingNode)node.At(key)).Children.ToDictionary(
                pair => ((YamlScalarNode)pair.Key).Value!,
                pair => ((YamlScalarNode)pair.Value).Value ?? string.Empty,
                StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static YamlNode? Find(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
