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

    // base64 of "sk_live_4eC39HqLyjWDarjtT1zdp7dc?>~" gives + and / (- and _ in base64url); basic authentication's "user:" + key
    // puts it 5 bytes into the value (2 past a 3-byte group), "api:" 4 bytes (1 past), "u:" + key + ":tail" 2 bytes with bytes after.
    [Theory]
    [InlineData("base64: c2tfbGl2ZV80ZUMzOUhxTHlqV0Rhcmp0VDF6ZHA3ZGM/Pn4= end", "base64: REDACTED end")]
    [InlineData("base64url: c2tfbGl2ZV80ZUMzOUhxTHlqV0Rhcmp0VDF6ZHA3ZGM_Pn4 end", "base64url: REDACTED end")]
    [InlineData("url-encoded: c2tfbGl2ZV80ZUMzOUhxTHlqV0Rhcmp0VDF6ZHA3ZGM%2FPn4%3D end", "url-encoded: REDACTED end")]
    [InlineData("offset 0, more: c2tfbGl2ZV80ZUMzOUhxTHlqV0Rhcmp0VDF6ZHA3ZGM/Pn46dGFpbA== end", "offset 0, more: REDACTED6dGFpbA== end")]
    [InlineData("offset 1: YXBpOnNrX2xpdmVfNGVDMzlIcUx5aldEYXJqdFQxemRwN2RjPz5+ end", "offset 1: YXBpOREDACTED end")]
    [InlineData("offset 1, url: YXBpOnNrX2xpdmVfNGVDMzlIcUx5aldEYXJqdFQxemRwN2RjPz5- end", "offset 1, url: YXBpOREDACTED end")]
    [InlineData("offset 2: Basic dXNlcjpza19saXZlXzRlQzM5SHFMeWpXRGFyanRUMXpkcDdkYz8+fg== end", "offset 2: Basic dXNlcjREDACTED end")]
    [InlineData("offset 2, more: dTpza19saXZlXzRlQzM5SHFMeWpXRGFyanRUMXpkcDdkYz8-fjp0YWls end", "offset 2, more: dTREDACTEDp0YWls end")]
    [InlineData("offset 1, more: eHNrX2xpdmVfNGVDMzlIcUx5aldEYXJqdFQxemRwN2RjPz5+OnRhaWw= end", "offset 1, more: eREDACTEDOnRhaWw= end")]
    public void Redact_SecretInBase64AtAnyAlignment_CutsEveryCharacterCarryingItAndKeepsTheRest(string message, string expected)
    {
        var redacted = SecretRedactor.Redact(Error(message), ["sk_live_4eC39HqLyjWDarjtT1zdp7dc?>~"]);

        Assert.Equal(expected, redacted.Message);
    }

    [Fact]
    public void Redact_Base64OfAnotherValue_LeavesItAlone()
    {
        var error = Error("Expected Basic dXNlcjpwYXNzd29yZA== or Bearer c2tfdGVzdF9hYmNkZWZnaGlqa2xtbm9w.");

        Assert.Equal(error, SecretRedactor.Redact(error, ["sk_live_4eC39HqLyjWDarjtT1zdp7dc?>~", "demo-telnyx-api-key"]));
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
