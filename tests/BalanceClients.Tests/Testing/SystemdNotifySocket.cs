using System.Net.Sockets;
using System.Text;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// systemd's side of <c>Type=notify</c>: a Unix datagram socket in a folder of its own, whose path a service is given as
/// <c>NOTIFY_SOCKET</c>, and the messages it sends there (<c>READY=1</c>, <c>STATUS=...</c>, <c>STOPPING=1</c>).
/// </summary>
internal sealed class SystemdNotifySocket : IDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly Socket _socket;

    private SystemdNotifySocket(DirectoryInfo folder, Socket socket, string path)
    {
        _folder = folder;
        _socket = socket;
        Path = path;
    }

    /// <summary>The socket's path: the value of <c>NOTIFY_SOCKET</c>.</summary>
    public string Path { get; }

    /// <summary>Whether a message has come that nobody received yet.</summary>
    public bool HasMessage => _socket.Available > 0;

    /// <summary>Binds a new socket.</summary>
    public static SystemdNotifySocket Bind()
    {
        var folder = Directory.CreateTempSubdirectory("balances-notify-");
        var path = System.IO.Path.Combine(folder.FullName, "notify");
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return new SystemdNotifySocket(folder, socket, path);
    }

    /// <summary>Receives the next message, waiting at most <see cref="Bounded.Limit"/>.</summary>
    /// <exception cref="TimeoutException">No message came in time.</exception>
    public async Task<string> ReceiveAsync()
    {
        var buffer = new byte[4096];
        var received = await _socket.ReceiveAsync(buffer, SocketFlags.None).WithinLimit("a message on NOTIFY_SOCKET");
        return Encoding.UTF8.GetString(buffer, 0, received);
    }

    public void Dispose()
    {
        _socket.Dispose();
        _folder.Delete(recursive: true);
    }
}
