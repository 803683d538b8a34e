namespace BalanceClients.Tests.Testing;

/// <summary>The executables of other projects that some tests run (promtool, prometheus, systemd-analyze), found on the path.</summary>
internal static class InstalledTools
{
    /// <summary>The full path of the executable <paramref name="name"/>, or <see langword="null"/> where it is not installed.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Append("/usr/sbin")
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The full path of the executable <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">It is not installed (see <see cref="FactWhenInstalledAttribute"/>).</exception>
    public static string Require(string name) =>
        Find(name) ?? throw new InvalidOperationException($"{name} is not installed.");
}
