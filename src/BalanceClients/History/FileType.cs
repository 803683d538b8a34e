using System.Runtime.InteropServices;

namespace BalanceClients.History;

/// <summary>
/// Whether a path is a regular file, from its metadata: .NET tells a folder from a file, but not a FIFO or a device from a
/// regular file, and SQLite opening a FIFO read-only would wait for a writer forever.
/// </summary>
internal static partial class FileType
{
    internal const int CurrentFolder = -100;
    private const uint TypeOnly = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>Whether the path is something other than a regular file (a FIFO, a device, a socket), following links.</summary>
    /// <param name="path">The path.</param>
    /// <returns>
    /// <see langword="true"/> only when the system says so; <see langword="false"/> for a regular file, a missing path, and on
    /// systems other than Linux, where this is not asked.
    /// </returns>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // statx(2) has the same layout on every architecture: stx_mode is the 16 bits at offset 28.
        Span<byte> status = stackalloc byte[256];
        return Statx(CurrentFolder, path, 0, TypeOnly, status) == 0
            && (BitConverter.ToUInt16(status[ModeOffset..]) & TypeMask) != Regular;
    }

    /// <summary>statx(2), following links: fills <paramref name="status"/> (256 bytes) with what <paramref name="mask"/> asks.</summary>
    /// <param name="directory">Where a relative path starts: -100 for the current folder.</param>
    /// <param name="path">The path.</param>
    /// <param name="flags">0: follow links.</param>
    /// <param name="mask">What to fill (STATX_TYPE is 0x1, STATX_INO 0x100).</param>
    /// <param name="status">The struct statx.</param>
    /// <returns>0, or -1 when the path cannot be looked at (missing, say).</returns>
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> status);
}
