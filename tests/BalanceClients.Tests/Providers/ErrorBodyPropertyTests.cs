using System.Globalization;
using System.Text;
using BalanceClients.Tests.Testing;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace BalanceClients.Tests.Providers;

/// <summary>
/// Arbitrary JSON, keyed by the spec's own field names, as the body of every error status each provider's spec documents:
/// classification never throws, keeps the status, and reports a kind of the contract.
/// </summary>
public sealed class ErrorBodyPropertyTests(ITestOutputHelper output)
{
    public static TheoryData<string> Providers => [.. ProviderInfo.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Check_ArbitraryJsonForEveryDocumentedErrorStatus_IsAnErrorWithThatStatus(string provider)
    {
        var spec = await SpecSchemas.LoadAsync(provider);
        var statuses = DocumentedErrorStatuses(spec);
        var names = FieldNames(spec);
        await using var stub = await StubbedChecker.CreateAsync(provider);

        var property = Prop.ForAll(Gen.Zip(Gen.Elements(statuses), ArbitraryJson.Text(names, 3)).ToArbitrary(), async answer =>
        {
            stub.Answer = (answer.Item1, Encoding.UTF8.GetBytes(answer.Item2));
            var result = await stub.CheckAsync();
            return !result.IsSuccess
                && result.Error.HttpStatus == answer.Item1
                && Enum.IsDefined(result.Error.Kind)
                && result.Error.Message.Length > 0;
        });

        SeededCheck.One(output, Config.QuickThrowOnFailure.WithMaxTest(200), property);
        Assert.True(stub.Calls >= 200);
    }

    // The documented error answers, and for a spec with a "default" answer, statuses it does not list.
    private static int[] DocumentedErrorStatuses(SpecSchemas spec)
    {
        var keys = spec.Operation.Operation.ActualResponses.Keys.ToList();
        var listed = keys.Where(key => key is not ("200" or "default")).Select(key => int.Parse(key, CultureInfo.InvariantCulture));
        return [.. listed.Concat(keys.Contains("default") ? [418, 500] : []).Distinct()];
    }

    private static string[] FieldNames(SpecSchemas spec) =>
        [.. spec.Document.Components.Schemas.Values.SelectMany(schema => schema.ActualProperties.Keys).Append("errors").Distinct()];
}
