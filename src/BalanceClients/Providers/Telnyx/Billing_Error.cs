using BalanceClients.Generation.Kiota;

namespace BalanceClients.Generated.Telnyx.Kiota.Models;

/// <summary>Telnyx's spec requires <c>code</c> and <c>title</c> of every error.</summary>
#pragma warning disable CA1707 // The generated type's name: Kiota's, after the spec's schema billing_Error.
public partial class Billing_Error : IRequiredProperties
#pragma warning restore CA1707
{
    IReadOnlyCollection<string> IRequiredProperties.RequiredProperties => ["code", "title"];
}
