namespace BalanceClients.Tests.Testing;

/// <summary>
/// A test that runs the executables of other projects: skipped, saying why, on a machine where one is not installed. CI installs
/// them (<c>.ci/run</c> installs Debian's <c>prometheus</c> package, which has <c>promtool</c> too), so there it always runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactWhenInstalledAttribute : FactAttribute
{
    /// <summary>Skips the test unless every one of <paramref name="executables"/> is on the path.</summary>
    public FactWhenInstalledAttribute(params string[] executables)
    {
        Executables = executables;
        var missing = executables.Where(name => InstalledTools.Find(name) is null).ToList();
        if (missing.Count > 0)
        {
            Skip = $"{string.Join(" and ", missing)} not installed here: .ci/run installs Debian's prometheus package (promtool, "
                + "prometheus); systemd-analyze comes with systemd.";
        }
    }

    /// <summary>The executables the test runs.</summary>
    public IReadOnlyList<string> Executables { get; }
}
