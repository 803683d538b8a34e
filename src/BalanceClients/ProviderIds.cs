namespace BalanceClients;

/// <summary>The provider ids of the contract, as they appear in configuration, the CLI and its output.</summary>
public static class ProviderIds
{
    /// <summary>UNDRCTRL.</summary>
    public const string Undrctrl = "undrctrl";

    /// <summary>Antgst.</summary>
    public const string Antgst = "antgst";

    /// <summary>Telnyx.</summary>
    public const string Telnyx = "telnyx";

    /// <summary>Lumenfall.</summary>
    public const string Lumenfall = "lumenfall";

    /// <summary>Mesh Connect.</summary>
    public const string Mesh = "mesh";
}
