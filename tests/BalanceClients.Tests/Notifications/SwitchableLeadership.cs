using BalanceClients.Monitoring;

namespace BalanceClients.Tests.Notifications;

/// <summary>A leadership a test hands over and takes back, as an election would, saying so as an election does.</summary>
internal sealed class SwitchableLeadership : IMonitorLeadership
{
    private volatile bool _isLeader = true;

    public event EventHandler? LeadershipChanged;

    public bool IsLeader
    {
        get => _isLeader;
        set
        {
            _isLeader = value;
            LeadershipChanged?.Invoke(this, EventArgs.Empty);
        }
    }
}
