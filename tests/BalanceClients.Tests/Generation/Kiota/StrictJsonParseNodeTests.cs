using System.Text;
using System.Text.Json;
using BalanceClients.Generation;
using BalanceClients.Generation.Kiota;
using Microsoft.Kiota.Abstractions.Serialization;
using AntgstAnswer = BalanceClients.Generated.Antgst.Kiota.Models.AntgstBalanceResponse;
using MeshAnswer = BalanceClients.Generated.Mesh.Kiota.Models.B2BBrokerAccountBalanceModelApiResult;
using TelnyxErrors = BalanceClients.Generated.Telnyx.Kiota.Models.Billing_Errors;
using UndrctrlAnswer = BalanceClients.Generated.Undrctrl.Kiota.Models.UndrctrlBalance;

namespace BalanceClients.Tests.Generation.Kiota;

/// <summary>The Kiota clients' reading of JSON refuses what the NSwag clients' settings refuse, at the same path.</summary>
public sealed class StrictJsonParseNodeTests
{
    private const string Antgst = """{"msg":"SUCCESS","code":200,"result":{"smsBalance":-18.383,"voipBalance":0.0,"currency":"CNY"}}""";

    [Fact]
    public void GetObjectValue_SpecExample_ReadsEveryFieldExactly()
    {
        var answer = Read(Antgst, AntgstAnswer.CreateFromDiscriminatorValue);

        Assert.Equal((200, "SUCCESS"), (answer.Code, answer.Msg));
        Assert.Equal((-18.383m, 0.0m, "CNY"), (answer.Result!.SmsBalance, answer.Result.VoipBalance, answer.Result.Currency));
        Assert.Equal("0.0", answer.Result.VoipBalance!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"msg":"SUCCESS","code":"200"}""", "$.code")]
    [InlineData("""{"msg":42,"code":200}""", "$.msg")]
    [InlineData("""{"msg":"SUCCESS","code":200.5}""", "$.code")]
    [InlineData("""{"msg":"SUCCESS","code":200,"result":[]}""", "$.result")]
    [InlineData("""{"msg":"SUCCESS","code":200,"result":{"smsBalance":"1","voipBalance":0,"currency":"CNY"}}""", "$.result.smsBalance")]
    [InlineData("""{"msg":"SUCCESS","code":200,"code":-1}""", "$.code")]
    [InlineData("""{"msg":"SUCCESS","code":200,"result":{"smsBalance":1,"voipBalance":0}}""", "$.result")]
    [InlineData("""{"msg":"SUCCESS","code":200,"result":{"smsBalance":null,"voipBalance":0,"currency":"CNY"}}""", "$.result.smsBalance")]
    [InlineData("""{"code":200}""", "$")]
    [InlineData("""[1,2,3]""", "$")]
    [InlineData("\"ok\"", "$")]
    public void GetObjectValue_AnswerThatDoesNotFit_ThrowsAtItsPath(string json, string path)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => Read(json, AntgstAnswer.CreateFromDiscriminatorValue));

        Assert.Equal(path, exception.Path);
        Assert.Null(exception.InnerException);
    }

    [Theory]
    [InlineData("0.12345678901234567890123456789012345")]
    [InlineData("12345678901234567890123456789.123")]
    [InlineData("1e400")]
    [InlineData("1e-40")]
    public void GetDecimalValue_AmountADecimalWouldRound_IsRefusedNotRounded(string amount)
    {
        var json = """{"msg":"SUCCESS","code":200,"result":{"smsBalance":""" + amount + ""","voipBalance":0,"currency":"CNY"}}""";

        var exception = Assert.Throws<InexactAmountException>(() => Read(json, AntgstAnswer.CreateFromDiscriminatorValue));

        Assert.Equal("$.result.smsBalance", exception.Path);
    }

    [Fact]
    public void GetDecimalValue_LargestDecimal_IsRead()
    {
        var json = """{"msg":"SUCCESS","code":200,"result":"""
            + """{"smsBalance":79228162514264337593543950335,"voipBalance":0,"currency":"CNY"}}""";

        Assert.Equal(decimal.MaxValue, Read(json, AntgstAnswer.CreateFromDiscriminatorValue).Result!.SmsBalance);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html></html>")]
    [InlineData("""{"msg":"SUCC""")]
    public void Parse_BodyThatIsNotJson_HasTheReadersErrorInside(string body)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => StrictJsonParseNode.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
    }

    [Theory]
    [InlineData("""{"status":"brandNewStatus"}""", "$.status")]
    [InlineData("""{"status":"OK"}""", "$.status")]
    [InlineData("""{"status":1}""", "$.status")]
    [InlineData("""{"status":"ok","content":{"balances":{}}}""", "$.content.balances")]
    [InlineData("""{"status":"ok","content":{"balances":[{"cash":1},{"cash":"1"}]}}""", "$.content.balances[1].cash")]
    [InlineData("""{"status":"ok","errorData":{"a":1,"a":2}}""", "$.errorData")]
    public void GetObjectValue_MeshEnvelopeThatDoesNotFit_ThrowsAtItsPath(string json, string path)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => Read(json, MeshAnswer.CreateFromDiscriminatorValue));

        Assert.Equal(path, exception.Path);
    }

    [Fact]
    public void GetCollectionOfObjectValues_NullEntry_IsNullForTheAdapterToRefuse()
    {
        var answer = Read("""{"status":"ok","content":{"balances":[null]}}""", MeshAnswer.CreateFromDiscriminatorValue);

        Assert.Null(Assert.Single(answer.Content!.Balances!));
    }

    [Fact]
    public void GetObjectValue_UnknownProperties_AreKeptWholeAsJsonElements()
    {
        var answer = Read(
            """{"balance":"1","currency":"IDR","error":{"code": 7},"note":"x"}""", UndrctrlAnswer.CreateFromDiscriminatorValue);

        Assert.Equal("""{"code": 7}""", answer.AdditionalData["error"].ToString());
        Assert.Equal(JsonValueKind.String, Assert.IsType<JsonElement>(answer.AdditionalData["note"]).ValueKind);
    }

    [Theory]
    [InlineData("""{"balance":"1","x":1,"x":2}""")]
    [InlineData("""{"balance":"1","x":{"a":[{"b":1,"b":2}]}}""")]
    public void GetObjectValue_KeyGivenTwiceInAnUnknownProperty_IsRefusedAtThatProperty(string json)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => Read(json, UndrctrlAnswer.CreateFromDiscriminatorValue));

        Assert.Equal("$.x", exception.Path);
    }

    [Fact]
    public void GetObjectValue_FreeFormObjectGivenAnotherValue_IsReadAsAnyValue()
    {
        var errors = Read("""{"errors":[{"code":"1","title":"t","meta":"not an object"}]}""", TelnyxErrors.CreateFromDiscriminatorValue);

        Assert.Equal("1", Assert.Single(errors.Errors!).Code);
    }

    [Fact]
    public void GetObjectValue_RequiredPropertyOfAnErrorMissing_IsRefused()
    {
        var exception = Assert.ThrowsAny<JsonException>(
            () => Read("""{"errors":[{"code":"1"}]}""", TelnyxErrors.CreateFromDiscriminatorValue));

        Assert.Equal("$.errors[0]", exception.Path);
    }

    private static T Read<T>(string json, ParsableFactory<T> factory)
        where T : IParsable =>
        StrictJsonParseNode.Parse(Encoding.UTF8.GetBytes(json)).GetObjectValue(factory);
}
