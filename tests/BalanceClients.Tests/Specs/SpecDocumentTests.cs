using BalanceClients.Tests.Testing;
using NJsonSchema;
using NSwag;

namespace BalanceClients.Tests.Specs;

public sealed class SpecDocumentTests
{
    public static TheoryData<string, string> Providers => new()
    {
        { "undrctrl", "https://undrctrl.id" },
        { "antgst", "https://api.antgst.com" },
        { "telnyx", "https://api.telnyx.com/v2" },
        { "lumenfall", "https://api.lumenfall.ai" },
        { "mesh", "https://integration-api.meshconnect.com" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Spec_Parses_WithTheContractsServer(string provider, string server)
    {
        var document = await OpenApiYamlDocument.FromFileAsync(RepoPaths.Spec(provider));

        Assert.Equal(server, document.Servers.First().Url);
        Assert.NotEmpty(document.Operations);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Spec_EveryOperation_HasAnOperationIdAndNamedResponseSchemas(string provider, string server)
    {
        _ = server;
        var document = await OpenApiYamlDocument.FromFileAsync(RepoPaths.Spec(provider));

        foreach (var operation in document.Operations)
        {
            Assert.False(
                string.IsNullOrWhiteSpace(operation.Operation.OperationId),
                $"{operation.Method} {operation.Path} has no operationId");
            foreach (var (status, response) in operation.Operation.ActualResponses)
            {
                var schema = response.Content.TryGetValue("application/json", out var media) ? media.Schema : null;
                if (schema is not null && schema.ActualSchema.Type == JsonObjectType.Object)
                {
                    Assert.True(
                        schema.HasReference,
                        $"{provider} {operation.Path} {status}: the response schema is inline, not a named component");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Spec_EveryMoneyField_IsDecimal(string provider, string server)
    {
        _ = server;
        var document = await OpenApiYamlDocument.FromFileAsync(RepoPaths.Spec(provider));

        var numbers = document.Components.Schemas.Values
            .SelectMany(schema => schema.ActualProperties.Values)
            .Where(property => property.Type.HasFlag(JsonObjectType.Number) || property.Format == "decimal")
            .ToList();

        Assert.NotEmpty(numbers);
        Assert.All(numbers, property => Assert.Equal("decimal", property.Format));
    }

    [Fact]
    public void SpecsReadme_ListsEverySpecAndEveryLocalChange()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Specs, "README.md"));
        foreach (var spec in Directory.GetFiles(RepoPaths.Specs, "*.yaml"))
        {
            Assert.Contains($"`{Path.GetFileName(spec)}`", readme, StringComparison.Ordinal);
            var localChanges = File.ReadLines(spec).Count(line => line.Contains("# local:", StringComparison.Ordinal));
            Assert.True(localChanges == 0 || readme.Contains(Path.GetFileName(spec), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EverySpec_HasAGeneratedClient_AndEveryGeneratedClient_HasASpec()
    {
        var specs = Directory.GetFiles(RepoPaths.Specs, "*.yaml").Select(spec => Path.GetFileNameWithoutExtension(spec)!).Order().ToList();
        var clients = Directory.GetDirectories(RepoPaths.Generated).Select(d => Path.GetFileName(d)!.ToLowerInvariant()).Order().ToList();
        var providers = ProviderInfo.All.Select(p => p.Id).Order().ToList();

        Assert.Equal(specs, clients);
        Assert.Equal(specs, providers);
    }
}
