using BalanceClients.Configuration;

namespace BalanceClients.Notifications;

/// <summary>
/// The rule for webhook URLs: the contract's rule for every URL contacted (absolute; <c>https://</c> unless the host is
/// loopback), and no user information, which would not be sent. Messages end a sentence that starts with the setting's name.
/// </summary>
internal static class WebhookUrlRules
{
    /// <summary>Why a text that is no absolute URL at all is refused.</summary>
    public const string NotAUrl = "is not a valid URL: an absolute http:// or https:// URL is needed.";

    /// <summary>Why a webhook URL is refused, or <see langword="null"/> if it is accepted.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The end of a sentence that starts with the setting's name; never the URL.</returns>
    public static string? ProblemWith(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri && !string.IsNullOrEmpty(url.UserInfo)
            ? "must not carry user information (user:password@), which would not be sent."
            : BaseUrlRules.ProblemWith(url);
    }
}
