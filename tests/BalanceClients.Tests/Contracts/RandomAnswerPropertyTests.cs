using System.Net;
using System.Text;
using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BalanceClients.Tests.Contracts;

/// <summary>
/// Random JSON (built from the spec's own field names) and random bytes, thrown at every adapter through the real HTTP
/// pipeline: the answer is always a balance with well-formed amounts or an error of a contract kind, never an exception.
/// The cases come from a seed printed with each test: fixed in CI, random elsewhere, <c>FSCHECK_SEED</c> to replay one.
/// </summary>
public sealed class RandomAnswerPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] FieldNames =
    [
        "balance", "currency", "error", "msg", "code", "result", "smsBalance", "voipBalance", "data", "pending", "credit_limit",
        "available_credit", "record_type", "object", "billing_type", "available", "amount", "status", "message", "errorType",
        "content", "balances", "cash", "buyingPower", "currencyCode", "totalCashUsdValue", "totalBuyingPowerUsdValue", "errors", "title",
    ];

    private static readonly string[] Words = ["ok", "balance", "prepaid", "postpaid", "usd", "USD", "1000.92", "-18.383", "", "badRequest", "abc"];

    public static TheoryData<string> Providers => [.. ProviderInfo.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Check_RandomJson_IsABalanceOrAContractError(string provider)
    {
        await using var stub = await StubbedChecker.CreateAsync(provider);
        var json = Json(3).Select(node => node?.ToJsonString() ?? "null");
        var statuses = Gen.Elements(200, 200, 200, 400, 401, 403, 404, 422, 500);

        var property = Prop.ForAll(Gen.Zip(json, statuses).ToArbitrary(), async answer =>
        {
            stub.Answer = (answer.Item2, Encoding.UTF8.GetBytes(answer.Item1));
            return await stub.IsWellFormedAsync();
        });

        SeededCheck.One(output, Config.QuickThrowOnFailure.WithMaxTest(150), property);
        Assert.True(stub.Calls >= 150);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Check_RandomBytes_IsABalanceOrAContractError(string provider)
    {
        await using var stub = await StubbedChecker.CreateAsync(provider);
        var bytes = ArbMap.Default.ArbFor<byte[]>().Generator;

        var property = Prop.ForAll(bytes.ToArbitrary(), async body =>
        {
            stub.Answer = (200, body);
            return await stub.IsWellFormedAsync();
        });

        SeededCheck.One(output, Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    private static Gen<System.Text.Json.Nodes.JsonNode?> Json(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Constant<System.Text.Json.Nodes.JsonNode?>(null),
            Gen.Elements(Words).Select(w => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(w)),
            ArbMap.Default.ArbFor<decimal>().Generator.Select(d => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(d)),
            ArbMap.Default.ArbFor<int>().Generator.Select(i => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(i)),
            ArbMap.Default.ArbFor<bool>().Generator.Select(b => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(b)));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Json(depth - 1);
        var obj = Gen.ListOf(Gen.Zip(Gen.Elements(FieldNames), inner)).Select(pairs =>
        {
            var node = new System.Text.Json.Nodes.JsonObject();
            foreach (var (name, value) in pairs)
            {
                node[name] = value?.DeepClone();
            }

            return (System.Text.Json.Nodes.JsonNode?)node;
        });
        var array = Gen.ListOf(inner).Select(items => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonArray([.. items.Select(i => i?.DeepClone())]));
        return Gen.Frequency((2, leaf), (5, obj), (1, array));
    }

    /// <summary>A checker for one provider whose HTTP answers come from a stub, through the real handlers.</summary>
    private sealed class StubbedChecker : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly IBalanceChecker _checker;
        private readonly BalanceAccount _account;

        private StubbedChecker(ServiceProvider services, BalanceAccount account)
        {
            _services = services;
            _account = account;
            _checker = services.GetRequiredService<IBalanceChecker>();
        }

        public (int Status, byte[] Body) Answer { get; set; }

        public int Calls { get; private set; }

        public static async Task<StubbedChecker> CreateAsync(string provider)
        {
            await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
            var options = BalanceClientsConfiguration.Read(null, fakes.Environment);
            options.GetProvider(provider).Resilience.MaxRetries = 0;
            StubbedChecker? stub = null;
            var services = new ServiceCollection().AddBalanceClients(options);
            services.AddHttpClient(HttpClientNames.For(provider)).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(() => stub!.Answer));
            stub = new StubbedChecker(services.BuildServiceProvider(), options.Accounts.Single(a => a.Provider == provider));
            return stub;
        }

        public async Task<bool> IsWellFormedAsync()
        {
            Calls++;
            var result = await _checker.CheckAsync(_account, CancellationToken.None);
            if (!result.IsSuccess)
            {
                return Enum.IsDefined(result.Error.Kind) && result.Error.HttpStatus == Answer.Status && result.Error.Message.Length > 0;
            }

            var info = ProviderInfo.Find(_account.Provider)!;
            return result.Balance.Amounts.Count(a => a.IsPrimary) == 1
                && result.Balance.Amounts.All(a => info.Kinds.Contains(a.Kind) && a.Currency.Length > 0 && string.Equals(a.Currency, a.Currency.ToUpperInvariant(), StringComparison.Ordinal));
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }

    private sealed class StubHandler(Func<(int Status, byte[] Body)> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, body) = answer();
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = content, RequestMessage = request });
        }
    }
}
