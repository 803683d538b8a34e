using System.Net.Http.Headers;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Contracts;

/// <summary>Specs, fakes and clients agree: every example, every fake payload and every request body fits the spec's schema.</summary>
public sealed class SchemaConformanceTests
{
    public static TheoryData<string> Providers => [.. ProviderInfo.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryExampleInTheSpec_FitsItsSchema(string provider)
    {
        var spec = await SpecSchemas.LoadAsync(provider);

        var examples = SpecExamples.Load(provider).All().ToList();

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var schema = spec.SchemaOf(example.Path, example.Method, example.Part);
            Assert.NotNull(schema);
            var errors = SpecSchemas.Validate(schema, example.Json);
            Assert.True(
                errors is [],
                $"{provider} {example.Method} {example.Path} {example.Part} {example.Name}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public async Task AnExampleThatContradictsItsSchema_IsCaught()
    {
        var spec = await SpecSchemas.LoadAsync("antgst");
        var success = SpecExamples.Load("antgst").All().Single(example => example.Name == "success");
        var contradicting = success.Json.Replace("-18.383", "\"-18.383\"", StringComparison.Ordinal);

        Assert.Empty(SpecSchemas.Validate(spec.SchemaOf(success.Path, success.Method, success.Part)!, success.Json));
        Assert.NotEmpty(SpecSchemas.Validate(spec.SchemaOf(success.Path, success.Method, success.Part)!, contradicting));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryPayloadTheFakeSends_FitsTheSpec(string provider)
    {
        var spec = await SpecSchemas.LoadAsync(provider);
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var fake = fakes[provider];
        using var http = new HttpClient();

        var answers = new List<(int Status, string Body)> { (fake.Success.Status, fake.Success.Body!) };
        var rejected = await SendWithWrongCredentialsAsync(http, fake, spec);
        answers.Add(((int)rejected.StatusCode, await rejected.Content.ReadAsStringAsync()));

        foreach (var (status, body) in answers)
        {
            var schema = spec.ResponseSchema(status);
            Assert.True(schema is null || body.Length == 0 || SpecSchemas.Validate(schema, body) is [], $"{provider} {status}: {body}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryRequestBodyTheClientSends_FitsTheSpec(string provider)
    {
        var spec = await SpecSchemas.LoadAsync(provider);
        await using var harness = await CheckerHarness.StartAsync();

        var result = await harness.CheckAsync(provider);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var request = Assert.Single(harness.Fake(provider).Requests);
        if (spec.Operation.Operation.RequestBody is null)
        {
            Assert.Equal(string.Empty, request.Body);
        }
        else
        {
            Assert.Equal(Array.Empty<string>(), SpecSchemas.Validate(spec.RequestSchema, request.Body));
        }
    }

    private static async Task<HttpResponseMessage> SendWithWrongCredentialsAsync(HttpClient http, FakeProvider fake, SpecSchemas spec)
    {
        var operation = spec.Operation;
        var uri = new Uri(fake.BaseUrl.ToString().TrimEnd('/') + operation.Path);
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        if (operation.Operation.RequestBody is not null)
        {
            request.Content = new StringContent(
                """{"key":"wrong","action":"balance","authSecret":"wrong","authToken":"wrong","type":"sandbox"}""",
                MediaTypeHeaderValue.Parse("application/json"));
        }

        return await http.SendAsync(request);
    }
}
