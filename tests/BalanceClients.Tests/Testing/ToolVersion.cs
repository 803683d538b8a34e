using System.Reflection;
using BalanceClients.Cli;

namespace BalanceClients.Tests.Testing;

/// <summary>The tool's version as the build under test says it (<c>VERSION+REVISION</c>): what the image's name and labels carry.</summary>
internal static class ToolVersion
{
    private static readonly string[] Described = typeof(BalancesCommand).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+');

    /// <summary>The package version: <c>0.1.0</c>.</summary>
    public static string Version => Described[0];

    /// <summary>The commit it was built from.</summary>
    public static string Revision => Described[1];

    /// <summary>The image's name: <c>localhost/balances:VERSION</c>.</summary>
    public static string ImageName => $"localhost/balances:{Version}";
}
