namespace BalanceClients.History;

/// <summary>The recent readings of some series, as the runway reads them (<see cref="IStoreEngine.ReadWindowsAsync"/>).</summary>
/// <param name="Now">When they were read, in Unix milliseconds: the end of the window.</param>
/// <param name="Series">Each series with its readings, in the series' order.</param>
internal sealed record SeriesWindows(long Now, IReadOnlyList<SeriesWindow> Series);
