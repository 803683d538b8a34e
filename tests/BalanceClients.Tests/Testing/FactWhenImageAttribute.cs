namespace BalanceClients.Tests.Testing;

/// <summary>
/// A test of the container image that <c>deploy/container/build.sh</c> builds: skipped, saying so, where it is not built (.ci/run
/// builds it before the tests), and, for a test that runs the image's entry point in its root file system, where the tests do
/// not run as root (unpacking its owners, <c>unshare --root</c> and <c>podman load</c> need root; .ci/run runs as root), or where
/// a program it needs is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FactWhenImageAttribute : FactAttribute
{
    /// <param name="runs">Whether the test runs the image's entry point, or loads it into a container engine.</param>
    /// <param name="program">A program of the machine that the test needs besides the image (its absolute path).</param>
    /// <param name="package">The Debian package that brings <paramref name="program"/> (.ci/run installs it).</param>
    public FactWhenImageAttribute(bool runs = false, string? program = null, string? package = null)
    {
        var image = OciImageArchive.PathOfBuilt;
        if (!File.Exists(image))
        {
            Skip = $"{image} is not built: deploy/container/build.sh builds it (.ci/run does, before the tests)";
        }
        else if (runs && Environment.UserName != "root")
        {
            Skip = "running the image needs root here (.ci/run runs as root)";
        }
        else if (program is not null && !File.Exists(program))
        {
            Skip = $"{program} is not installed (Debian's {package} package brings it; .ci/run installs it)";
        }
    }
}
