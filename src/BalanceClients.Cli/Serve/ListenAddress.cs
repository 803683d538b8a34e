using System.Globalization;
using System.Net;

namespace BalanceClients.Cli.Serve;

/// <summary>Where <c>balances serve</c> listens: <c>HOST:PORT</c>, the host an IP address or <c>localhost</c>.</summary>
/// <param name="Host">The address, or <see langword="null"/> for <c>localhost</c> (both loopback addresses).</param>
/// <param name="Port">The port.</param>
internal sealed record ListenAddress(IPAddress? Host, int Port)
{
    /// <summary>
    /// Parses <c>127.0.0.1:9477</c>, <c>[::1]:9477</c>, <c>0.0.0.0:9477</c> or <c>localhost:9477</c>; port 0 picks a free one.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The address, or <see langword="null"/> if it is not one.</returns>
    public static ListenAddress? Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > 65535)
        {
            return null;
        }

        var host = text[..colon].Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ListenAddress(null, port);
        }

        return IPAddress.TryParse(host, out var address) ? new ListenAddress(address, port) : null;
    }

    /// <inheritdoc />
    public override string ToString() => Host switch
    {
        null => $"localhost:{Port}",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } => $"[{Host}]:{Port}",
        _ => $"{Host}:{Port}",
    };
}
