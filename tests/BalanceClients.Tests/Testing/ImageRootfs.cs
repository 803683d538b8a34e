using System.Diagnostics;
using System.Text.Json;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// The image's root file system unpacked into a folder, and its entry point run in it as a container runtime runs it: as the
/// image's user, in its working folder, with its environment and nothing of this machine's, with <c>/proc</c> mounted (in a
/// mount namespace of its own, gone with the process) and the usual devices (<c>/dev/null</c>, <c>/dev/urandom</c>, ...).
/// <c>unshare --root</c> is the <c>chroot</c>, and then execs the entry point itself: the process the test starts is the
/// tool's, which ends as every server of the tests ends. It needs root.
/// </summary>
internal sealed class ImageRootfs : InstalledBalances
{
    private const string Unshare = "/usr/bin/unshare";
    private static readonly (string Name, int Minor)[] Devices = [("null", 3), ("zero", 5), ("full", 7), ("random", 8), ("urandom", 9)];
    private readonly DirectoryInfo _folder;
    private readonly JsonElement _config;

    private ImageRootfs(DirectoryInfo folder, JsonElement config)
    {
        _folder = folder;
        _config = config;
    }

    /// <summary>The root file system's folder on this machine.</summary>
    public string Root => Path.Combine(_folder.FullName, "rootfs");

    /// <summary>The image's volume: the one folder its user may write in.</summary>
    public override string WritableFolder => Assert.Single(_config.GetProperty("Volumes").EnumerateObject()).Name;

    /// <summary>Unpacks the archive's layers, with their owners and modes, and adds what a runtime adds.</summary>
    public static async Task<ImageRootfs> UnpackAsync(OciImageArchive image)
    {
        var rootfs = new ImageRootfs(Directory.CreateTempSubdirectory("balances-image-"), image.Config.GetProperty("config"));
        try
        {
            Directory.CreateDirectory(rootfs.Root);
            foreach (var (layer, index) in image.Layers.Select((layer, index) => (layer, index)))
            {
                var file = Path.Combine(rootfs._folder.FullName, $"layer-{index}.tar.gz");
                await File.WriteAllBytesAsync(file, layer);
                await RunAsync(
                    "tar", "--extract", "--gzip", "--numeric-owner", "--same-owner", "--same-permissions", "--file", file,
                    "--directory", rootfs.Root);
                File.Delete(file);
            }

            Directory.CreateDirectory(Path.Combine(rootfs.Root, "proc"));
            Directory.CreateDirectory(Path.Combine(rootfs.Root, "dev"));
            foreach (var (name, minor) in Devices)
            {
                var node = Path.Combine(rootfs.Root, "dev", name);
                await RunAsync("mknod", "--mode=666", node, "c", "1", minor.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return rootfs;
        }
        catch
        {
            rootfs.Dispose();
            throw;
        }
    }

    /// <summary>A copy of this root file system (owners, modes and devices kept), to change without changing this one.</summary>
    public async Task<ImageRootfs> CopyAsync()
    {
        var copy = new ImageRootfs(Directory.CreateTempSubdirectory("balances-image-"), _config);
        await RunAsync("cp", "--archive", Root, copy.Root);
        return copy;
    }

    public override string OnThisMachine(string path) => Path.Combine(Root, path.TrimStart('/'));

    public override ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, params IEnumerable<string> args)
    {
        var user = _config.GetProperty("User").GetString()!.Split(':');
        string[] command =
        [
            "--mount-proc", $"--root={Root}", $"--wd={_config.GetProperty("WorkingDir").GetString()}",
            $"--setgid={user[1]}", $"--setuid={user[0]}", "--",
            .. _config.GetProperty("Entrypoint").EnumerateArray().Select(part => part.GetString()!), .. args,
        ];
        var image = _config.GetProperty("Env").EnumerateArray()
            .Select(variable => variable.GetString()!.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => (string?)pair[1], StringComparer.Ordinal);
        return Start(Unshare, Root, command, image, environment);
    }

    public override void Dispose() => _folder.Delete(recursive: true);

    private static async Task RunAsync(string program, params string[] args)
    {
        var run = await ToolRun.RunAsync(program, Path.GetTempPath(), args);
        Assert.True(run.ExitCode == 0, $"{program} {string.Join(' ', args)}: {run}");
    }
}
