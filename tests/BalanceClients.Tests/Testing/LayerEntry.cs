using System.Formats.Tar;

namespace BalanceClients.Tests.Testing;

/// <summary>One entry of an image layer: its path (no leading <c>/</c>; the root is the empty path), type, mode and owner.</summary>
internal sealed record LayerEntry(string Path, TarEntryType Type, UnixFileMode Mode, int Uid, int Gid, string LinkName, byte[] Content);
