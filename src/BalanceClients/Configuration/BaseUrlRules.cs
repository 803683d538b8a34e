namespace BalanceClients.Configuration;

/// <summary>The contract's rule for server URLs: absolute, and <c>https://</c> unless the host is loopback.</summary>
internal static class BaseUrlRules
{
    /// <summary>Parses and checks a server URL.</summary>
    /// <param name="text">The URL as configured.</param>
    /// <param name="settingName">The variable or key it came from, for the message.</param>
    /// <returns>The URL.</returns>
    /// <exception cref="BalanceConfigurationException">The URL is malformed or plain <c>http://</c> to a host that is not loopback.</exception>
    public static Uri Parse(string text, string settingName)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url))
        {
            throw new BalanceConfigurationException($"{settingName} is not a valid URL: an absolute http:// or https:// URL is needed.");
        }

        Check(url, settingName);
        return url;
    }

    /// <summary>Checks a server URL.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="settingName">The variable or key it came from, for the message.</param>
    /// <exception cref="BalanceConfigurationException">The URL is relative, not http(s), has no host, or is plain <c>http://</c> to a host that is not loopback.</exception>
    public static void Check(Uri url, string settingName)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            throw new BalanceConfigurationException($"{settingName} is not a valid URL: an absolute http:// or https:// URL is needed.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            throw new BalanceConfigurationException($"{settingName} must use https:// (plain http:// is accepted only for loopback hosts).");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new BalanceConfigurationException($"{settingName} must not carry user information; credentials have their own settings.");
        }
    }
}
