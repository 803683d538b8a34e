using BalanceClients.Monitoring;

namespace BalanceClients.Tests.Notifications;

/// <summary>A leadership a test hands over and takes back, as an election would.</summary>
internal sealed class SwitchableLeadership : IMonitorLeadership
{
    private volatile bool _isLeader = true;

    public bool IsLeader
    {
        get => _isLeader;
        set => _isLeader = value;
    }
}
