using System.Text;
using System.Text.Json.Nodes;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Providers;
using BalanceClients.Tests.Testing;
using BalanceClients.Tests.Testing.Snapshots;

namespace BalanceClients.Tests.Contracts;

/// <summary>
/// The same hostile and broken answers for every provider, derived from its own success example: each yields the right
/// balance or the right error kind, never an exception, a hang or a wrong amount.
/// </summary>
public sealed class BadInputCorpusTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in ProviderInfo.All)
        {
            foreach (var name in Corpus.Keys)
            {
                data.Add(provider.Id, name);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (Func<string, FakeResponse[]> Answers, string Expected)> Corpus = new()
    {
        ["html page with 200"] = (
            _ => [FakeResponse.Text(200, "<!DOCTYPE html><html><body>Welcome</body></html>", "text/html")],
            "invalid_response 200"),
        ["html page with 502"] = (_ => [Html(502), Html(502), Html(502)], "unavailable 502"),
        ["empty body"] = (_ => [FakeResponse.Text(200, string.Empty, "application/json")], "invalid_response 200"),
        ["no body at all"] = (_ => [FakeResponse.Text(200, null)], "invalid_response 200"),
        ["truncated json"] = (success => [FakeResponse.Json(200, success[..(success.Length / 2)])], "invalid_response 200"),
        ["json array"] = (_ => [FakeResponse.Json(200, "[1,2,3]")], "invalid_response 200"),
        ["json null"] = (_ => [FakeResponse.Json(200, "null")], "invalid_response 200"),
        ["json string"] = (_ => [FakeResponse.Json(200, "\"ok\"")], "invalid_response 200"),
        ["nulls everywhere"] = (success => [FakeResponse.Json(200, NullLeaves(success))], "invalid_response 200"),
        ["empty object"] = (_ => [FakeResponse.Json(200, "{}")], "invalid_response 200"),
        ["numbers as strings and strings as numbers"] = (success => [FakeResponse.Json(200, SwapTypes(success))], "invalid_response 200"),
        ["unknown extra fields"] = (success => [FakeResponse.Json(200, WithExtraField(success))], "ok"),
        ["wrong content type"] = (success => [FakeResponse.Text(200, success, "text/plain")], "ok"),
        ["dropped connection, then success"] = (success => [FakeResponse.Dropped], "ok"),
        ["html 404 from a proxy"] = (_ => [FakeResponse.Text(404, "<html>Not Found</html>", "text/html")], "not_found 404"),
        ["utf-8 garbage"] = (_ => [FakeResponse.Text(200, "\u0000\u00ff\ufffd{{{", "application/json")], "invalid_response 200"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Check_HostileOrBrokenAnswer_IsTheRightBalanceOrTheRightError(string provider, string @case)
    {
        await using var harness = await CheckerHarness.StartAsync();
        var fake = harness.Fake(provider);
        var (answers, expected) = Corpus[@case];
        fake.Enqueue(answers(fake.Success.Body!));

        var result = await harness.CheckAsync(provider);

        if (expected == "ok")
        {
            Assert.True(result.IsSuccess, result.Error?.ToString());
            await using var reference = await CheckerHarness.StartAsync();
            Assert.Equal((await reference.CheckAsync(provider)).Balance!.Amounts, result.Balance.Amounts);
        }
        else
        {
            Assert.False(result.IsSuccess, $"{@case} gave a balance");
            Assert.Equal(expected, $"{result.Error.Kind.ToContractName()} {result.Error.HttpStatus}");
        }
    }

    /// <summary>
    /// Every case of the corpus, and every answer the provider tests call unfit or hostile, with the error each becomes, word for
    /// word: one snapshot that the layer must produce exactly, whichever generator's clients it runs on.
    /// </summary>
    [Fact]
    public async Task Results_EveryCaseOfEveryProvider_AreTheSameUnderEitherGenerator()
    {
        await using var harness = await CheckerHarness.StartAsync();
        var text = new StringBuilder();
        foreach (var provider in ProviderInfo.All)
        {
            var fake = harness.Fake(provider.Id);
            var success = fake.Success.Body!;
            var answers = Corpus.Select(item => (item.Key, item.Value.Answers(success)))
                .Append(("unknown key twice", [FakeResponse.Json(200, """{"x_unknown":1,"x_unknown":2,""" + success[1..])]))
                .Append(("a key twice in an unknown value", [FakeResponse.Json(200, """{"x_unknown":{"a":1,"a":2},""" + success[1..])]))
                .Concat(Bodies(BadAnswerTests.InvalidAnswers, provider.Id, "unfit"))
                .Concat(Bodies(HostileAnswerTests.AmountsThatWouldBeRounded, provider.Id, "rounded"))
                .Concat(Bodies(HostileAnswerTests.KeysGivenTwice, provider.Id, "key twice"))
                .Concat(Bodies(HostileAnswerTests.CurrenciesThatAreNotCodes, provider.Id, "currency"));
            text.Append("# ").Append(provider.Id).Append('\n');
            foreach (var (name, responses) in answers)
            {
                fake.Enqueue(responses);
                var result = await harness.CheckAsync(provider.Id);
                var outcome = result.Error is { } error
                    ? $"{error.Kind.ToContractName()} {(object?)error.HttpStatus ?? "-"} {error.ProviderCode ?? "-"} {error.Message}"
                    : string.Join(", ", result.Balance!.Amounts.Select(amount => $"{amount.Kind}={amount.Amount} {amount.Currency}"));
                text.Append(name).Append(": ").Append(outcome).Append('\n');
            }

            text.Append('\n');
        }

        await Verifier.Verify(text.ToString());
    }

    private static IEnumerable<(string Name, FakeResponse[] Answers)> Bodies(IEnumerable<object[]> data, string provider, string what) =>
        data.Where(row => (string)row[0] == provider)
            .Select((row, index) => row.Length == 2
                ? ($"{what} #{index + 1}", new[] { FakeResponse.Json(200, (string)row[1]) })
                : ($"{what} #{index + 1}", new[] { FakeResponse.Text((int)row[1], (string?)row[2], (string)row[3]) }));

    private static FakeResponse Html(int status) =>
        FakeResponse.Text(status, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");

    private static string NullLeaves(string json) => Transform(JsonNode.Parse(json), _ => null)!.ToJsonString();

    private static string SwapTypes(string json) => Transform(JsonNode.Parse(json), value => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => JsonValue.Create(value.ToJsonString()),
        System.Text.Json.JsonValueKind.String
            when decimal.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var number)
            => JsonValue.Create(number),
        System.Text.Json.JsonValueKind.String => JsonValue.Create(42),
        _ => value.DeepClone(),
    })!.ToJsonString();

    private static string WithExtraField(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["x_unknown"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
        return root.ToJsonString();
    }

    private static JsonNode? Transform(JsonNode? node, Func<JsonValue, JsonNode?> leaf) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Transform(p.Value, leaf)))),
        JsonArray array => new JsonArray([.. array.Select(item => Transform(item, leaf))]),
        JsonValue value => leaf(value),
        _ => null,
    };
}
