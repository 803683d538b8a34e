namespace BalanceClients.Tests.Cli;

/// <summary>Lines of an <c>--accounts</c> file, with the fake providers' demo credentials.</summary>
internal static class AccountLines
{
    /// <summary>An undrctrl account.</summary>
    public static string Undrctrl(string name) =>
        $$$"""{"provider":"undrctrl","name":"{{{name}}}","credentials":{"ApiKey":"demo-undrctrl-api-key"}}""";

    /// <summary>An antgst account; its name is written into the JSON as given (escapes included).</summary>
    public static string Antgst(string name, string authSecret = "demo-antgst-auth-secret") =>
        $$$"""{"provider":"antgst","name":"{{{name}}}","credentials":{"AuthSecret":"{{{authSecret}}}"}}""";

    /// <summary>A mesh account of the sandbox broker type.</summary>
    public static string Mesh(string name) =>
        $$$"""{"provider":"mesh","name":"{{{name}}}","credentials":{"ClientId":"demo-mesh-client-id","ClientSecret":"demo-mesh-"""
        + """client-secret","AuthToken":"demo-mesh-auth-token","BrokerType":"sandbox"}}""";

    /// <summary>Undrctrl accounts u0, u1, ... u<paramref name="count"/>-1.</summary>
    public static IEnumerable<string> Many(int count) => Enumerable.Range(0, count).Select(i => Undrctrl($"u{i}"));
}
