namespace BalanceClients.Generation.Kiota;

/// <summary>
/// A Kiota model whose spec requires some of its properties and allows no null in them. Kiota's C# keeps no trace of
/// <c>required</c>, so a partial class beside the generated one names them (a test holds the names to the spec), and
/// <see cref="StrictJsonParseNode"/> refuses an object that lacks one, as the NSwag clients' <c>[JsonRequired]</c> does.
/// </summary>
internal interface IRequiredProperties
{
    /// <summary>The properties that must be present and not null, by their names on the wire.</summary>
    IReadOnlyCollection<string> RequiredProperties { get; }
}
