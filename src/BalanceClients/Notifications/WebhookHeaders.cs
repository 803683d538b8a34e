using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BalanceClients.Notifications;

/// <summary>
/// The Standard Webhooks headers of one attempt: <c>webhook-id</c> (the message's, the same on every attempt),
/// <c>webhook-timestamp</c> (the attempt's time, in Unix seconds) and, with a key, <c>webhook-signature</c>:
/// <c>v1,</c> and the base64 HMAC-SHA256 of <c>id.timestamp.body</c>.
/// </summary>
internal static class WebhookHeaders
{
    public const string Id = "webhook-id";

    public const string Timestamp = "webhook-timestamp";

    public const string Signature = "webhook-signature";

    /// <summary>A new message id: <c>msg_</c> and a time-ordered UUID (version 7) in hex, unique per message.</summary>
    /// <param name="now">The time the message is made.</param>
    /// <returns>The id.</returns>
    public static string NewId(DateTimeOffset now) => "msg_" + Guid.CreateVersion7(now).ToString("N");

    /// <summary>Adds the headers of one attempt to its request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The message id.</param>
    /// <param name="now">The attempt's time.</param>
    /// <param name="body">The body posted.</param>
    /// <param name="key">The webhook's key; <see langword="null"/> signs nothing.</param>
    public static void Add(HttpRequestMessage request, string id, DateTimeOffset now, byte[] body, byte[]? key)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(Id, id);
        request.Headers.Add(Timestamp, timestamp);
        if (key is not null)
        {
            request.Headers.Add(Signature, "v1," + Sign(key, id, timestamp, body));
        }
    }

    /// <summary>The base64 HMAC-SHA256 of <c>id.timestamp.body</c>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="id">The message id.</param>
    /// <param name="timestamp">The timestamp, as sent.</param>
    /// <param name="body">The body.</param>
    /// <returns>The signature, without its <c>v1,</c>.</returns>
    public static string Sign(byte[] key, string id, string timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        return Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
