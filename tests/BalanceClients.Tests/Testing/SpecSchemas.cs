using NJsonSchema;
using NSwag;

namespace BalanceClients.Tests.Testing;

/// <summary>A provider's spec read with NSwag: its operation's schemas, and validation of JSON against them with NJsonSchema.</summary>
internal sealed class SpecSchemas
{
    private SpecSchemas(OpenApiDocument document) => Document = document;

    public OpenApiDocument Document { get; }

    public OpenApiOperationDescription Operation => Assert.Single(Document.Operations);

    public static async Task<SpecSchemas> LoadAsync(string providerId) =>
        new(await OpenApiYamlDocument.FromFileAsync(RepoPaths.Spec(providerId)));

    /// <summary>The JSON schema of an answer with this status (or the <c>default</c> answer), if it has one.</summary>
    public JsonSchema? ResponseSchema(int status)
    {
        var responses = Operation.Operation.ActualResponses;
        var response = responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var exact)
            ? exact
            : responses.GetValueOrDefault("default");
        Assert.True(response is not null, $"the spec documents no {status} answer and no default");
        return response.Content.TryGetValue("application/json", out var media) ? media.Schema : null;
    }

    public JsonSchema RequestSchema => Operation.Operation.RequestBody!.Content["application/json"].Schema;

    public JsonSchema? RequestSchemaOrNull => Operation.Operation.RequestBody?.Content["application/json"].Schema;

    /// <summary>The schema a part of the operation (<c>request</c> or a status key) must fit, if it has one.</summary>
    public JsonSchema? SchemaOf(string path, string method, string part)
    {
        var operation = Document.Operations.Single(o => o.Path == path && o.Method == method).Operation;
        var content = part == "request" ? operation.RequestBody!.Content : operation.ActualResponses[part].Content;
        return content.TryGetValue("application/json", out var media) ? media.Schema : null;
    }

    /// <summary>The schema's complaints about a JSON text, empty when it fits.</summary>
    public static IReadOnlyList<string> Validate(JsonSchema schema, string json) =>
        [.. schema.ActualSchema.Validate(json, SchemaType.OpenApi3).Select(error => error.ToString())];
}
