namespace BalanceClients.Monitoring;

/// <summary>
/// Whether this process leads the monitor: only the leader checks providers and sends notifications. A lone process leads
/// (<see cref="SoleLeadership"/>); on a store shared by several replicas the store's election decides
/// (<see cref="History.StoreLeadership"/>).
/// </summary>
internal interface IMonitorLeadership
{
    /// <summary>Whether this process leads now.</summary>
    bool IsLeader { get; }

    /// <summary>Raised when <see cref="IsLeader"/> changes, on the election's thread; handlers should be quick.</summary>
    event EventHandler? LeadershipChanged
    {
        add
        {
        }

        remove
        {
        }
    }
}
