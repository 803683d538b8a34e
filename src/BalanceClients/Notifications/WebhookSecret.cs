using System.Text;

namespace BalanceClients.Notifications;

/// <summary>
/// The key a webhook's secret stands for, as Standard Webhooks reads it: <c>whsec_</c> and base64 is the bytes the base64 holds;
/// any other text is its UTF-8 bytes. Messages end a sentence that starts with the setting's name, and never quote the secret.
/// </summary>
internal static class WebhookSecret
{
    /// <summary>The prefix of a secret given as base64 bytes.</summary>
    public const string Base64Prefix = "whsec_";

    /// <summary>Why a secret is refused, or <see langword="null"/> if it is accepted.</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The end of a sentence that starts with the setting's name; never the secret.</returns>
    public static string? ProblemWith(string secret) => KeyOf(secret) is null
        ? $"starts with {Base64Prefix} but what follows is not base64 of at least one byte."
        : null;

    /// <summary>The HMAC key of a secret.</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The key; <see langword="null"/> for a <c>whsec_</c> secret that is not base64 (or is empty).</returns>
    public static byte[]? KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(Base64Prefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        var base64 = secret.AsSpan(Base64Prefix.Length);
        var bytes = new byte[(base64.Length * 3 / 4) + 3];
        return Convert.TryFromBase64Chars(base64, bytes, out var written) && written > 0 ? bytes[..written] : null;
    }
}
