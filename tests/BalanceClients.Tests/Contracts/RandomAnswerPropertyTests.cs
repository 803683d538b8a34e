using System.Text;
using BalanceClients.Tests.Testing;
using FsCheck;
using FsCheck.Fluent;
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

    public static TheoryData<string> Providers => [.. ProviderInfo.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Check_RandomJson_IsABalanceOrAContractError(string provider)
    {
        await using var stub = await StubbedChecker.CreateAsync(provider);
        var statuses = Gen.Elements(200, 200, 200, 400, 401, 403, 404, 422, 500);

        var property = Prop.ForAll(Gen.Zip(ArbitraryJson.Text(FieldNames, 3), statuses).ToArbitrary(), async answer =>
        {
            stub.Answer = (answer.Item2, Encoding.UTF8.GetBytes(answer.Item1));
            return IsWellFormed(stub, await stub.CheckAsync());
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
            return IsWellFormed(stub, await stub.CheckAsync());
        });

        SeededCheck.One(output, Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    private static bool IsWellFormed(StubbedChecker stub, BalanceCheckResult result)
    {
        if (!result.IsSuccess)
        {
            return Enum.IsDefined(result.Error.Kind) && result.Error.HttpStatus == stub.Answer.Status && result.Error.Message.Length > 0;
        }

        var info = ProviderInfo.Find(stub.Account.Provider)!;
        return result.Balance.Amounts.Count(a => a.IsPrimary) == 1
            && result.Balance.Amounts.All(a =>
                info.Kinds.Contains(a.Kind) && a.Currency.Length == 3 && a.Currency.All(char.IsAsciiLetterUpper));
    }
}
