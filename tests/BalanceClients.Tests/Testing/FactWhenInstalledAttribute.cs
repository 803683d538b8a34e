namespace BalanceClients.Tests.Testing;

/// <summary>
/// A test that needs a program of the machine (Debian's <c>prometheus</c> package brings <c>prometheus</c> and <c>promtool</c>):
/// skipped, with the reason stated, where it is not installed, and run everywhere else. CI installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FactWhenInstalledAttribute : FactAttribute
{
    /// <param name="program">The program's absolute path.</param>
    /// <param name="package">The Debian package that brings it (.ci/run installs <c>prometheus</c>).</param>
    /// <param name="whence">Where it comes from instead, for a program that no Debian package brings.</param>
    public FactWhenInstalledAttribute(string program, string package = "prometheus", string? whence = null)
    {
        Program = program;
        if (!File.Exists(program))
        {
            var installs = package == "prometheus" ? "; .ci/run installs it" : string.Empty;
            Skip = $"{program} is not installed ({whence ?? $"Debian's {package} package brings it{installs}"})";
        }
    }

    /// <summary>The program's absolute path.</summary>
    public string Program { get; }
}
