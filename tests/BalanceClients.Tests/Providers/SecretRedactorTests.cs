using BalanceClients.Providers;

namespace BalanceClients.Tests.Providers;

public sealed class SecretRedactorTests
{
    private const string Secret = "ant\"q\\uo-SECRET/é +&1";

    [Theory]
    [InlineData("as sent: ant\"q\\uo-SECRET/é +&1 end")]
    [InlineData("json: ant\\\"q\\\\uo-SECRET/\\u00E9 +&1 end")]
    [InlineData("json, lower-case hex and escaped slash: ant\\\"q\\\\uo-SECRET\\/\\u00e9 +\\u00261 end")]
    [InlineData("json, everything escaped: \\u0061\\u006E\\u0074\\u0022q\\u005Cuo-SECRET/é\\u0020+&1 end")]
    [InlineData("url: ant%22q%5Cuo-SECRET%2F%C3%A9%20%2B%261 end")]
    [InlineData("form, lower-case hex: ant%22q%5cuo-SECRET%2f%c3%a9+%2b%261 end")]
    [InlineData("html: ant&quot;q\\uo-SECRET/&#233; +&amp;1 end")]
    [InlineData("html hex: ant&#x22;q\\uo-SECRET/&#xE9; +&#38;1 end")]
    public void Redact_SecretInAnyQuotedForm_IsReplacedAndTheRestKept(string message)
    {
        var redacted = SecretRedactor.Redact(Error(message), [Secret]);

        var prefix = message[..(message.IndexOf(':', StringComparison.Ordinal) + 2)];
        Assert.Equal(prefix + "REDACTED end", redacted.Message);
    }

    [Fact]
    public void Redact_SecretInTheProviderCode_IsReplaced()
    {
        var redacted = SecretRedactor.Redact(new BalanceError(BalanceErrorKind.Unauthorized, 401, "key-0123456789", "m"), ["0123456789"]);

        Assert.Equal("key-REDACTED", redacted.ProviderCode);
    }

    [Fact]
    public void Redact_OneLetterSecretInTheText_WithholdsTheTextInsteadOfGarblingIt()
    {
        var redacted = SecretRedactor.Redact(new BalanceError(BalanceErrorKind.Unauthorized, 401, "bad key", "Invalid API key"), ["k"]);

        Assert.Equal(SecretRedactor.WithheldMessage, redacted.Message);
        Assert.Null(redacted.ProviderCode);
        Assert.DoesNotContain("REDACTEDey", redacted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_ShortSecretAbsentFromTheText_KeepsTheText()
    {
        var redacted = SecretRedactor.Redact(new BalanceError(BalanceErrorKind.Unauthorized, 401, "-22", "Invalid API key"), ["zq"]);

        Assert.Equal(("-22", "Invalid API key"), (redacted.ProviderCode, redacted.Message));
    }

    [Fact]
    public void Redact_NoSecretInTheText_LeavesItAlone()
    {
        var error = Error("Authentication failed: The API key is missing or invalid.");

        Assert.Equal(error, SecretRedactor.Redact(error, ["demo-telnyx-api-key", "another-secret-value"]));
    }

    private static BalanceError Error(string message) => new(BalanceErrorKind.ProviderError, 400, null, message);
}
