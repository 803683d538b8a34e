namespace BalanceClients.AspNetCore.StatusPage;

/// <summary>An account's state on the status page, worst first.</summary>
internal enum AccountState
{
    Critical,
    Failing,
    Unknown,
    Warning,
    Ok,
}
