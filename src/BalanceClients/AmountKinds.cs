namespace BalanceClients;

/// <summary>The kinds of amount of the contract; each provider reports some of them.</summary>
public static class AmountKinds
{
    /// <summary>The account's balance (UNDRCTRL, Telnyx).</summary>
    public const string Balance = "balance";

    /// <summary>The SMS balance (Antgst).</summary>
    public const string Sms = "sms";

    /// <summary>The VoIP balance (Antgst).</summary>
    public const string Voip = "voip";

    /// <summary>The pending amount (Telnyx).</summary>
    public const string Pending = "pending";

    /// <summary>The credit limit (Telnyx).</summary>
    public const string CreditLimit = "credit_limit";

    /// <summary>Balance plus credit limit: what can be spent (Telnyx).</summary>
    public const string AvailableCredit = "available_credit";

    /// <summary>The available balance (Lumenfall).</summary>
    public const string Available = "available";

    /// <summary>Withdrawable cash in one currency (Mesh).</summary>
    public const string Cash = "cash";

    /// <summary>Buying power in one currency (Mesh).</summary>
    public const string BuyingPower = "buying_power";

    /// <summary>Buying power for cryptocurrency orders in one currency (Mesh).</summary>
    public const string CryptoBuyingPower = "crypto_buying_power";

    /// <summary>Total cash of all currencies, in USD (Mesh).</summary>
    public const string TotalCash = "total_cash";

    /// <summary>Total buying power of all currencies, in USD (Mesh).</summary>
    public const string TotalBuyingPower = "total_buying_power";
}
