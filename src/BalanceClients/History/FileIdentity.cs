using System.Runtime.InteropServices;

namespace BalanceClients.History;

/// <summary>
/// Which file a path names (its device and inode), so that a store can tell that its file was deleted or replaced while it had it
/// open: its connection still writes to the file it opened, which no path names any more.
/// </summary>
/// <param name="Device">The device (major and minor numbers).</param>
/// <param name="Inode">The inode on that device.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct FileIdentity(ulong Device, ulong Inode)
{
    private const uint InodeOnly = 0x100;
    private const int InodeOffset = 32;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    /// <summary>The identity of the file the path names now, following links.</summary>
    /// <param name="path">The path.</param>
    /// <returns>
    /// The identity; <see langword="null"/> when nothing is there, or on systems other than Linux, where this is not asked.
    /// </returns>
    public static FileIdentity? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // statx(2) has the same layout on every architecture, in its byte order.
        Span<byte> status = stackalloc byte[256];
        if (FileType.Statx(FileType.CurrentFolder, path, 0, InodeOnly, status) != 0)
        {
            return null;
        }

        var device = ((ulong)BitConverter.ToUInt32(status[DeviceMajorOffset..]) << 32) | BitConverter.ToUInt32(status[DeviceMinorOffset..]);
        return new FileIdentity(device, BitConverter.ToUInt64(status[InodeOffset..]));
    }
}
