namespace BalanceClients.Configuration;

/// <summary>The contract's rule for server URLs: absolute, and <c>https://</c> unless the host is loopback.</summary>
internal static class BaseUrlRules
{
    /// <summary>Why a server URL is refused, or <see langword="null"/> if it is accepted.</summary>
    /// <param name="url">The URL, as bound from configuration (perhaps relative).</param>
    /// <returns>The end of a sentence that starts with the setting's name.</returns>
    public static string? ProblemWith(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            return "is not a valid URL: an absolute http:// or https:// URL is needed.";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            return "must use https:// (plain http:// is accepted only for loopback hosts).";
        }

        return string.IsNullOrEmpty(url.UserInfo) ? null : "must not carry user information; credentials have their own settings.";
    }
}
