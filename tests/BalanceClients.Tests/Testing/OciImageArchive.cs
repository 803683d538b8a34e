using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// The OCI image archive that <c>deploy/container/build.sh</c> builds (<c>artifacts/balances-oci.tar</c>, or the file
/// <c>BALANCES_IMAGE</c> names), read as a runtime reads it: <c>index.json</c>, its one manifest, the image's configuration, and
/// its layers' entries.
/// </summary>
internal sealed class OciImageArchive
{
    private static readonly Lazy<OciImageArchive> Built = new(() => new OciImageArchive(PathOfBuilt));
    private readonly Dictionary<string, byte[]> _blobs;

    private OciImageArchive(string path)
    {
        using (var archive = new TarReader(System.IO.File.OpenRead(path)))
        {
            _blobs = [];
            while (archive.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is { } data)
                {
                    using var copy = new MemoryStream();
                    data.CopyTo(copy);
                    _blobs[entry.Name.TrimStart('.', '/')] = copy.ToArray();
                }
            }
        }

        Index = JsonDocument.Parse(_blobs["index.json"]).RootElement;
        ManifestDescriptor = Assert.Single(Index.GetProperty("manifests").EnumerateArray());
        Manifest = Blob(ManifestDescriptor);
        Config = Blob(Manifest.GetProperty("config"));
        Layers = [.. Manifest.GetProperty("layers").EnumerateArray().Select(layer => _blobs[BlobPath(layer)])];
        Entries = [.. Layers.SelectMany(ReadLayer)];
    }

    /// <summary>Where the archive is.</summary>
    public static string PathOfBuilt =>
        Environment.GetEnvironmentVariable("BALANCES_IMAGE") is { Length: > 0 } path
            ? path
            : System.IO.Path.Combine(RepoPaths.Root, "artifacts", "balances-oci.tar");

    /// <summary>The archive at <see cref="PathOfBuilt"/>, read once.</summary>
    public static OciImageArchive Read() => Built.Value;

    /// <summary><c>index.json</c>.</summary>
    public JsonElement Index { get; }

    /// <summary>The index's descriptor of the image's manifest (its annotations name the image).</summary>
    public JsonElement ManifestDescriptor { get; }

    /// <summary>The image's manifest.</summary>
    public JsonElement Manifest { get; }

    /// <summary>The image's configuration (<c>config</c> holds its user, entry point, command, environment, volumes, labels).</summary>
    public JsonElement Config { get; }

    /// <summary>The layers, compressed as in the archive, lowest first.</summary>
    public IReadOnlyList<byte[]> Layers { get; }

    /// <summary>Every entry of every layer, lowest layer first, with its content for regular files.</summary>
    public IReadOnlyList<LayerEntry> Entries { get; }

    /// <summary>The content of a regular file of the root file system (its path without the leading <c>/</c>).</summary>
    public byte[] File(string path) => Entries.Last(entry => entry.Path == path && entry.Type == TarEntryType.RegularFile).Content;

    /// <summary>Unpacks the root file system into a new folder, as a runtime does, to run the image's entry point in it.</summary>
    public Task<ImageRootfs> UnpackAsync() => ImageRootfs.UnpackAsync(this);

    private static string BlobPath(JsonElement descriptor) =>
        "blobs/" + descriptor.GetProperty("digest").GetString()!.Replace(':', '/');

    private static IEnumerable<LayerEntry> ReadLayer(byte[] layer)
    {
        using var reader = new TarReader(new GZipStream(new MemoryStream(layer), CompressionMode.Decompress));
        var entries = new List<LayerEntry>();
        while (reader.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries.Add(new LayerEntry(
                entry.Name.TrimStart('.').Trim('/'), entry.EntryType, entry.Mode, entry.Uid, entry.Gid, entry.LinkName, content.ToArray()));
        }

        return entries;
    }

    private JsonElement Blob(JsonElement descriptor) => JsonDocument.Parse(_blobs[BlobPath(descriptor)]).RootElement;
}
