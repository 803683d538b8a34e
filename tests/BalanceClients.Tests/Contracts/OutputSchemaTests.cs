using BalanceClients.FakeProviders;
using BalanceClients.Tests.Cli;
using BalanceClients.Tests.Testing;
using NJsonSchema;

namespace BalanceClients.Tests.Contracts;

/// <summary>The real JSON output of every kind of run, validated against the schema committed in docs/.</summary>
public sealed class OutputSchemaTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema =
        new(() => JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "docs", "balances-output.schema.json")));

    [Fact]
    public async Task CheckJson_Demo_FitsTheSchema()
    {
        var run = await CliRun.InProcessAsync(
            new Dictionary<string, string?>(), false, "check", "--demo", "--format", "json", "--warn", "telnyx=1000");

        Assert.Empty(await ProblemsAsync(run.Out));
    }

    [Fact]
    public async Task CheckJson_EveryKindOfFailureAndNullAmount_FitsTheSchema()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        fakes["antgst"].Default = FakeResponse.Json(200, """{"msg":"auth secret error!","code":-22}""");
        fakes["telnyx"].Default = FakeResponse.Text(200, "<html>oops</html>", "text/html");
        fakes["undrctrl"].Default = FakeResponse.Dropped;
        fakes["lumenfall"].Default = FakeResponse.Json(200, fakes["lumenfall"].Spec.Response("/v1/balance", "get", "200", "postpaid"));
        fakes["mesh"].Default = FakeResponse.Json(200, """{"status":"ok","content":{"balances":[]}}""");

        var run = await CliRun.InProcessAsync(fakes.Environment, false, "check", "--format", "json", "--min", "mesh=1");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(await ProblemsAsync(run.Out));
    }

    [Fact]
    public async Task CheckJsonLines_EachLine_FitsTheSchemasResult()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        using var file = await TempFile.WithLinesAsync(AccountLines.Many(20));

        var run = await CliRun.InProcessAsync(fakes.Environment, false, "check", "--format", "json", "--accounts", file.Path);

        var result = (await Schema.Value).Definitions["result"];
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20, lines.Length);
        Assert.All(lines, line => Assert.Empty(result.Validate(line)));
    }

    [Theory]
    [InlineData("\"amount\": 1000.92", "\"amount\": \"1000.92\"")]
    [InlineData("\"currency\": \"IDR\"", "\"currency\": \"idr\"")]
    [InlineData("\"level\": \"ok\"", "\"level\": \"fine\"")]
    [InlineData("\"ok\": true,", "\"ok\": true, \"extra\": 1,")]
    public async Task Schema_OutputThatBreaksTheContract_IsRefused(string part, string broken)
    {
        var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "check", "--demo", "--format", "json");
        Assert.Contains(part, run.Out, StringComparison.Ordinal);

        Assert.NotEmpty(await ProblemsAsync(run.Out.Replace(part, broken, StringComparison.Ordinal)));
    }

    private static async Task<IReadOnlyList<string>> ProblemsAsync(string json) =>
        [.. (await Schema.Value).Validate(json).Select(error => error.ToString())];
}
