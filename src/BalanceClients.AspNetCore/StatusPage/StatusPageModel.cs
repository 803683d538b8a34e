namespace BalanceClients.AspNetCore.StatusPage;

/// <summary>What one rendering of the status page shows.</summary>
/// <param name="Accounts">The accounts, worst first.</param>
/// <param name="Now">When the page is rendered: the right end of every chart.</param>
/// <param name="Refresh">How often the page reloads itself: the check interval.</param>
/// <param name="Links">The path the page is served at, without its trailing slash: the other endpoints are under it.</param>
/// <param name="History">Whether the readings are recorded (a store), so that charts and runways can be drawn.</param>
/// <param name="HistoryProblem">Why the store could not be read for this rendering, if it could not.</param>
/// <param name="Ready">Whether every account has been checked once.</param>
internal sealed record StatusPageModel(
    IReadOnlyList<StatusPageAccount> Accounts,
    DateTimeOffset Now,
    TimeSpan Refresh,
    string Links,
    bool History,
    string? HistoryProblem,
    bool Ready)
{
    /// <summary>How many days the charts show.</summary>
    public static readonly TimeSpan Charted = TimeSpan.FromDays(30);
}
