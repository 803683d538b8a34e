using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// A receiver's check of a Standard Webhooks message, written from the specification and not from the library: the secret
/// (<c>whsec_</c> and base64, or else its UTF-8 bytes), the timestamp within a tolerance of the receiver's clock, and one of the
/// space-separated <c>v1,</c> signatures equal, in constant time, to the HMAC-SHA256 of <c>id.timestamp.body</c>.
/// </summary>
internal static class StandardWebhookVerifier
{
    /// <summary>The tolerance the specification's reference libraries use.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Why the request would be refused, or <see langword="null"/> when it is genuine.</summary>
    public static string? Problem(string secret, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset now)
    {
        if (!headers.TryGetValue("webhook-id", out var id) || !headers.TryGetValue("webhook-timestamp", out var timestamp)
            || !headers.TryGetValue("webhook-signature", out var signatures))
        {
            return "a header is missing";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "the timestamp is no number";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return "the timestamp is too old or too new";
        }

        var key = secret.StartsWith("whsec_", StringComparison.Ordinal)
            ? Convert.FromBase64String(secret["whsec_".Length..])
            : Encoding.UTF8.GetBytes(secret);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body));
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = signature.Split(',', 2);
            if (parts is ["v1", var value] && FixedTimeEquals(value, expected))
            {
                return null;
            }
        }

        return "no signature matches";
    }

    private static bool FixedTimeEquals(string base64, byte[] expected)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(base64, buffer, out var written)
            && CryptographicOperations.FixedTimeEquals(buffer.AsSpan(0, written), expected);
    }
}
