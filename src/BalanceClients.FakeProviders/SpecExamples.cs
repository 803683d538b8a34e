using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace BalanceClients.FakeProviders;

/// <summary>The examples of a provider's spec, read from the copy of <c>specs/</c> embedded in this assembly, as JSON text.</summary>
public sealed partial class SpecExamples
{
    private readonly YamlMappingNode _root;

    private SpecExamples(YamlMappingNode root) => _root = root;

    /// <summary>Loads a provider's spec.</summary>
    /// <param name="providerId">The provider id; its spec is <c>specs/{providerId}.yaml</c>.</param>
    /// <returns>The spec's examples.</returns>
    public static SpecExamples Load(string providerId)
    {
        using var stream = typeof(SpecExamples).Assembly.GetManifestResourceStream($"specs/{providerId}.yaml")
            ?? throw new ArgumentException($"No spec is embedded for '{providerId}'.", nameof(providerId));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return new SpecExamples((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    /// <summary>The example of a response, as JSON.</summary>
    /// <param name="path">The operation's path in the spec (<c>/balance</c>).</param>
    /// <param name="method">The operation's method, lower case.</param>
    /// <param name="status">The response's status key (<c>200</c>, <c>default</c>).</param>
    /// <param name="exampleName">
    /// The name under <c>examples</c>; <see langword="null"/> for the single <c>example</c> or the first of <c>examples</c>.
    /// </param>
    /// <returns>The example's JSON text.</returns>
    /// <exception cref="KeyNotFoundException">The spec has no such example.</exception>
    public string Response(string path, string method, string status, string? exampleName = null)
    {
        var response = Resolve(Child(Child(Child(Child(_root, "paths"), path), method), "responses"), status);
        var media = Child(Child(response, "content"), "application/json");
        return ToJson(ExampleOf(media, exampleName));
    }

    /// <summary>The example of a request body, as JSON.</summary>
    /// <param name="path">The operation's path in the spec.</param>
    /// <param name="method">The operation's method, lower case.</param>
    /// <returns>The example's JSON text.</returns>
    public string Request(string path, string method)
    {
        var media = Child(Child(Child(Child(Child(_root, "paths"), path), method), "requestBody"), "content");
        return ToJson(ExampleOf(Child(media, "application/json"), null));
    }

    /// <summary>Every example of the spec's operations, as JSON: request bodies (<c>request</c>) and responses (by status key).</summary>
    /// <returns>
    /// The examples: path, method, <c>request</c> or the status key, the example's name (empty for a single <c>example</c>), JSON.
    /// </returns>
    public IEnumerable<(string Path, string Method, string Part, string Name, string Json)> All()
    {
        foreach (var (pathKey, pathNode) in ((YamlMappingNode)Child(_root, "paths")).Children)
        {
            var path = ((YamlScalarNode)pathKey).Value!;
            foreach (var (methodKey, operation) in ((YamlMappingNode)pathNode).Children)
            {
                var method = ((YamlScalarNode)methodKey).Value!;
                var parts = new List<(string Part, YamlNode Node)>();
                if (operation is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("requestBody"), out var body))
                {
                    parts.Add(("request", body));
                }

                foreach (var (status, _) in ((YamlMappingNode)Child(operation, "responses")).Children)
                {
                    var key = ((YamlScalarNode)status).Value!;
                    parts.Add((key, Resolve(Child(operation, "responses"), key)));
                }

                foreach (var (part, node) in parts)
                {
                    if (node is not YamlMappingNode withContent
                        || !withContent.Children.TryGetValue(new YamlScalarNode("content"), out var content)
                        || content is not YamlMappingNode contentMap
                        || !contentMap.Children.TryGetValue(new YamlScalarNode("application/json"), out var media))
                    {
                        continue;
                    }

                    var mediaMap = (YamlMappingNode)media;
                    if (mediaMap.Children.TryGetValue(new YamlScalarNode("example"), out var single))
                    {
                        yield return (path, method, part, string.Empty, ToJson(single));
                    }

                    if (mediaMap.Children.TryGetValue(new YamlScalarNode("examples"), out var examples))
                    {
                        foreach (var (name, example) in ((YamlMappingNode)examples).Children)
                        {
                            yield return (path, method, part, ((YamlScalarNode)name).Value!, ToJson(Child(example, "value")));
                        }
                    }
                }
            }
        }
    }

    /// <summary>Turns a YAML node into JSON, keeping numbers exactly as written (<c>12.50</c> stays <c>12.50</c>).</summary>
    /// <param name="node">The node.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static YamlNode ExampleOf(YamlNode media, string? exampleName)
    {
        var mapping = (YamlMappingNode)media;
        if (exampleName is null && mapping.Children.TryGetValue(new YamlScalarNode("example"), out var single))
        {
            return single;
        }

        var examples = (YamlMappingNode)Child(media, "examples");
        var example = exampleName is null ? examples.Children.First().Value : Child(examples, exampleName);
        return Child(example, "value");
    }

    private YamlNode Resolve(YamlNode parent, string key)
    {
        var node = Child(parent, key);
        if (node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("$ref"), out var reference))
        {
            var segments = ((YamlScalarNode)reference).Value!.TrimStart('#', '/').Split('/');
            node = segments.Aggregate((YamlNode)_root, Child);
        }

        return node;
    }

    private static YamlNode Child(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw new KeyNotFoundException($"The spec has no '{key}' at {node.Start}.");

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value!);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start} cannot be written as JSON.");
        }
    }

    // YAML 1.2's core schema: plain null, booleans and numbers are typed; quoted scalars are strings.
    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            writer.WriteStringValue(text);
        }
        else if (text is "" or "~" or "null")
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "false")
        {
            writer.WriteBooleanValue(text == "true");
        }
        else if (JsonNumber().IsMatch(text))
        {
            writer.WriteRawValue(text.ToLower(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonNumber();
}
