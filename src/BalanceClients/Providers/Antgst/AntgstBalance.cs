using BalanceClients.Generation.Kiota;

namespace BalanceClients.Generated.Antgst.Kiota.Models;

/// <summary>Antgst's spec requires every field of a successful answer's <c>result</c>.</summary>
public partial class AntgstBalance : IRequiredProperties
{
    IReadOnlyCollection<string> IRequiredProperties.RequiredProperties => ["smsBalance", "voipBalance", "currency"];
}
