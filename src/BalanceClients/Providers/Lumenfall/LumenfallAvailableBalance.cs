using BalanceClients.Generation.Kiota;

namespace BalanceClients.Generated.Lumenfall.Kiota.Models;

/// <summary>Lumenfall's spec requires the <c>currency</c> of <c>available</c> (its <c>amount</c> is required, but may be null).</summary>
public partial class LumenfallAvailableBalance : IRequiredProperties
{
    IReadOnlyCollection<string> IRequiredProperties.RequiredProperties => ["currency"];
}
