using System.Reflection;

namespace BalanceClients.Output;

/// <summary>
/// The library's version and the git revision it was built from, as <c>balances_build_info</c> labels them: the build writes
/// both into the assembly's informational version (<c>0.1.0+&lt;revision&gt;</c>); a build outside git has no revision.
/// </summary>
internal static class BuildInfo
{
    /// <summary>The revision's label where the build knew none.</summary>
    public const string UnknownRevision = "unknown";

    static BuildInfo()
    {
        var informational = typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "unknown";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        Version = plus < 0 ? informational : informational[..plus];
        Revision = plus < 0 || plus == informational.Length - 1 ? UnknownRevision : informational[(plus + 1)..];
    }

    /// <summary>The version, <c>0.1.0</c>.</summary>
    public static string Version { get; }

    /// <summary>The full git revision, or <see cref="UnknownRevision"/>.</summary>
    public static string Revision { get; }
}
