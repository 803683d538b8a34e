namespace BalanceClients.Tests.Cli;

/// <summary>Lines of an <c>--accounts</c> file, with the fake providers' demo credentials.</summary>
internal static class AccountLines
{
    /// <summary>An undrctrl account.</summary>
    public static string Undrctrl(string name) =>
        $$$"""{"provider":"undrctrl","name":"{{{name}}}","credentials":{"ApiKey":"demo-undrctrl-api-key"}}""";

    /// <summary>Undrctrl accounts u0, u1, ... u<paramref name="count"/>-1.</summary>
    public static IEnumerable<string> Many(int count) => Enumerable.Range(0, count).Select(i => Undrctrl($"u{i}"));
}
