using BalanceClients.History;

namespace BalanceClients.Cli.History;

/// <summary>
/// What the table shows of one series (provider, account, kind, currency), gathered as its readings stream past: the latest
/// amount, the lowest and the highest, how many readings, and the last amount of each slice of the table's window.
/// </summary>
/// <param name="first">The series' first reading.</param>
/// <param name="slices">How many slices of time the sparkline has.</param>
internal sealed class SeriesSummary(StoredReading first, int slices)
{
    private readonly decimal?[] _slices = new decimal?[slices];

    public StoredReading Latest { get; private set; } = first;

    public decimal? Lowest { get; private set; }

    public decimal? Highest { get; private set; }

    public int Count { get; private set; }

    public IReadOnlyList<decimal?> Slices => _slices;

    /// <summary>Takes the next reading of the series.</summary>
    /// <param name="reading">The reading, no older than the ones before it.</param>
    /// <param name="slice">Its slice of the window.</param>
    public void Add(StoredReading reading, int slice)
    {
        Latest = reading;
        Count++;
        if (reading.Amount is { } amount)
        {
            Lowest = Lowest is { } low && low <= amount ? low : amount;
            Highest = Highest is { } high && high >= amount ? high : amount;
            _slices[slice] = amount;
        }
    }
}
