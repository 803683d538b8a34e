namespace BalanceClients.Tests.Testing;

/// <summary>
/// A test that needs a program of the machine (Debian's <c>prometheus</c> package brings <c>prometheus</c> and <c>promtool</c>):
/// skipped, with the reason stated, where it is not installed, and run everywhere else. CI installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FactWhenInstalledAttribute : FactAttribute
{
    /// <param name="program">The program's absolute path.</param>
    public FactWhenInstalledAttribute(string program)
    {
        Program = program;
        if (!File.Exists(program))
        {
            Skip = $"{program} is not installed (Debian's prometheus package brings it; .ci/run installs it)";
        }
    }

    /// <summary>The program's absolute path.</summary>
    public string Program { get; }
}
