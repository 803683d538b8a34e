namespace BalanceClients.Monitoring;

/// <summary>The leadership of a process that shares its store with no other: it always leads.</summary>
internal sealed class SoleLeadership : IMonitorLeadership
{
    /// <summary>The one instance.</summary>
    public static readonly SoleLeadership Instance = new();

    private SoleLeadership()
    {
    }

    /// <inheritdoc />
    public bool IsLeader => true;
}
