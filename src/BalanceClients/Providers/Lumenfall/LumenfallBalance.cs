using BalanceClients.Generation.Kiota;

namespace BalanceClients.Generated.Lumenfall.Kiota.Models;

/// <summary>Lumenfall's spec requires <c>object</c>, <c>billing_type</c> and <c>available</c> of every answer.</summary>
public partial class LumenfallBalance : IRequiredProperties
{
    IReadOnlyCollection<string> IRequiredProperties.RequiredProperties => ["object", "billing_type", "available"];
}
