using System.CodeDom.Compiler;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using BalanceClients.FakeProviders;
using BalanceClients.Generated.Mesh;
using BalanceClients.Generation;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Generation;

/// <summary>The generated clients read and write JSON through the source-generated context alone, with no reflection fallback.</summary>
public sealed class GeneratedClientJsonContextTests
{
    // UNDRCTRL's spec gives examples of the request's properties only; this is them, gathered.
    private static readonly Dictionary<string, string> UnexemplifiedRequests = new(StringComparer.Ordinal)
    {
        ["undrctrl"] = """{"key":"apiKey","action":"balance"}""",
    };

    public static TheoryData<string> Providers => [.. ProviderInfo.All.Select(p => p.Id)];

    // The NSwag clients' types: Kiota's (BalanceClients.Generated.<Provider>.Kiota...) read JSON through Kiota's parse nodes.
    private static IEnumerable<Type> GeneratedTypes => typeof(ApiException).Assembly.GetTypes()
        .Where(type => type.IsPublic
            && type.Namespace?.StartsWith("BalanceClients.Generated.", StringComparison.Ordinal) == true
            && !type.Namespace.Contains(".Kiota", StringComparison.Ordinal));

    [Fact]
    public void Configure_AnyOptions_ResolvesThroughTheContextAlone()
    {
        var options = GeneratedClientJson.Configure(new JsonSerializerOptions());

        Assert.Same(GeneratedClientJsonContext.Default, options.TypeInfoResolver);
        Assert.Throws<NotSupportedException>(() => options.GetTypeInfo(typeof(Uri)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void GeneratedClient_Settings_ResolveThroughTheContextAlone(string provider)
    {
        var operation = Operation(provider);
        using var http = new HttpClient();
        var client = Activator.CreateInstance(operation.DeclaringType!, http);

        var settings = (JsonSerializerOptions)operation.DeclaringType!
            .GetProperty("JsonSerializerSettings", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(client)!;

        Assert.Same(GeneratedClientJsonContext.Default, settings.TypeInfoResolver);
    }

    [Fact]
    public void Context_EveryGeneratedModelAndEnum_HasMetadata()
    {
        var models = GeneratedTypes
            .Where(type => type.IsEnum || type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema")
            .ToList();

        Assert.NotEmpty(models);
        Assert.All(models, type => Assert.True(GeneratedClientJsonContext.Default.GetTypeInfo(type) is not null, type.FullName));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EverySpecExample_ThroughItsGeneratedClient_IsReadAndWrittenWithTheContextAlone(string provider)
    {
        var operation = Operation(provider);
        var bodyType = operation.GetParameters() is [var first, _] ? first.ParameterType : null;
        var examples = SpecExamples.Load(provider).All().ToList();
        var request = examples.Where(example => example.Part == "request").Select(example => example.Json).SingleOrDefault()
            ?? UnexemplifiedRequests.GetValueOrDefault(provider);
        Assert.Equal(bodyType is null, request is null);
        var body = bodyType is null ? null : JsonSerializer.Deserialize(request!, GeneratedClientJson.Options.GetTypeInfo(bodyType));

        foreach (var example in examples.Where(example => example.Part != "request"))
        {
            var status = example.Part == "default" ? 500 : int.Parse(example.Part, CultureInfo.InvariantCulture);
            var handler = new RecordingHandler().Respond(status, example.Json);

            var failure = await Record.ExceptionAsync(() => CallAsync(operation, handler, body));

            var what = $"{provider} {example.Part} {example.Name}: {failure}";
            Assert.True(status < 300 ? failure is null : failure is ApiException { InnerException: null }, what);
            if (request is not null)
            {
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(request), JsonNode.Parse(Assert.Single(handler.Requests).Body!)), what);
            }
        }
    }

    [Fact]
    public void ToParameterText_EnumsBooleanAndNumberInAList_SpecNamesCommaSeparated()
    {
        object[] values = [BrokerType.ETrade, BrokerType.CoinbasePro, true, 1.5m];

        var text = GeneratedClientJson.ToParameterText(values, CultureInfo.InvariantCulture, GeneratedClientJson.Options);

        Assert.Equal("eTrade,coinbasePro,true,1.5", text);
    }

    // The provider's generated client and its one operation.
    private static MethodInfo Operation(string provider)
    {
        var name = char.ToUpperInvariant(provider[0]) + provider[1..];
        var client = GeneratedTypes.Single(type => type.FullName == $"BalanceClients.Generated.{name}.{name}Client");
        return client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Single(method => method.Name.EndsWith("Async", StringComparison.Ordinal));
    }

    private static async Task CallAsync(MethodInfo operation, RecordingHandler handler, object? body)
    {
        using var http = new HttpClient(handler);
        var client = Activator.CreateInstance(operation.DeclaringType!, http);
        object?[] arguments = body is null ? [CancellationToken.None] : [body, CancellationToken.None];
        await (Task)operation.Invoke(client, arguments)!;
    }
}
