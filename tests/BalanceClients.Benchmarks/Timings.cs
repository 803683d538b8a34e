using System.Globalization;

namespace BalanceClients.Benchmarks;

/// <summary>Durations of one measured operation, in milliseconds, and the figures a table gives of them.</summary>
internal sealed class Timings
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double Median => Percentile(0.5);

    public double P99 => Percentile(0.99);

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double Percentile(double fraction)
    {
        var sorted = _milliseconds.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * fraction))];
    }

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"median {Median:F3} ms, p99 {P99:F3} ms ({Count:N0})");
}
