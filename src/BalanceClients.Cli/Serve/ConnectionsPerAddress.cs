using System.Net;
using Microsoft.AspNetCore.Connections;

namespace BalanceClients.Cli.Serve;

/// <summary>
/// Keeps one client from taking every connection <c>balances serve</c> accepts: past <paramref name="limit"/> connections open at
/// once from one address (an IPv6 client: from one /64, which one host usually holds whole), a new one is closed at once, so
/// that the probes and the scraper always find a connection free.
/// </summary>
/// <param name="limit">The connections one address may hold at once.</param>
internal sealed class ConnectionsPerAddress(int limit)
{
    private readonly Dictionary<IPAddress, int> _open = [];

    /// <summary>Kestrel's connection middleware that applies the limit.</summary>
    /// <param name="next">The rest of the connection's pipeline.</param>
    /// <returns>The pipeline with the limit in front.</returns>
    public ConnectionDelegate Apply(ConnectionDelegate next) => async connection =>
    {
        var client = connection.RemoteEndPoint is IPEndPoint endpoint ? ClientOf(endpoint.Address) : null;
        if (client is not null && !TryOpen(client))
        {
            connection.Abort(new ConnectionAbortedException("Too many connections from one address."));
            return;
        }

        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            if (client is not null)
            {
                Close(client);
            }
        }
    };

    private static IPAddress ClientOf(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }

    private bool TryOpen(IPAddress client)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(client);
            if (open >= limit)
            {
                return false;
            }

            _open[client] = open + 1;
            return true;
        }
    }

    private void Close(IPAddress client)
    {
        lock (_open)
        {
            if (_open[client] == 1)
            {
                _open.Remove(client);
            }
            else
            {
                _open[client]--;
            }
        }
    }
}
