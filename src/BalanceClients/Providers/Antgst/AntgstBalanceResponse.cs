using BalanceClients.Generation.Kiota;

namespace BalanceClients.Generated.Antgst.Kiota.Models;

/// <summary>Antgst's spec requires <c>msg</c> and <c>code</c> of every answer.</summary>
public partial class AntgstBalanceResponse : IRequiredProperties
{
    IReadOnlyCollection<string> IRequiredProperties.RequiredProperties => ["msg", "code"];
}
