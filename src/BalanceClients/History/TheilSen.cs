using System.Buffers;
using System.Runtime.InteropServices;

namespace BalanceClients.History;

/// <summary>
/// The Theil–Sen slope of segments of a series: the median of the slopes between every two readings of the same segment.
/// Half the slopes would have to be wrong to move it far, so a few noisy readings do not; slopes across a top-up are never taken.
/// </summary>
internal static class TheilSen
{
    private const decimal MillisecondsPerDay = 86_400_000m;

    /// <summary>
    /// The median slope, per day: the pairs are ranked in double precision (fast), and the slope of the pair or pairs that the
    /// median falls on is then computed exactly, in decimal.
    /// </summary>
    /// <param name="points">The series, in time order, one reading per time.</param>
    /// <param name="segments">Its segments (first and last index, inclusive), each of two readings or more.</param>
    /// <param name="stride">Take every stride-th reading of each segment (and its last).</param>
    /// <returns>The slope per day, or <see langword="null"/> when there is no pair.</returns>
    public static decimal? SlopePerDay(IReadOnlyList<RunwayPoint> points, IReadOnlyList<(int First, int Last)> segments, int stride)
    {
        var sampled = new List<int>();
        var count = 0;
        foreach (var (first, last) in segments)
        {
            var size = ((last - first + stride - 1) / stride) + 1;
            count += size * (size - 1) / 2;
        }

        var pairs = ArrayPool<Pair>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var m = 0;
            foreach (var (first, last) in segments)
            {
                sampled.Clear();
                for (var i = first; i < last; i += stride)
                {
                    sampled.Add(i);
                }

                sampled.Add(last);
                var amounts = sampled.Select(i => (double)points[i].Amount).ToArray();
                var times = sampled.Select(i => (double)points[i].Time).ToArray();
                for (var a = 0; a < sampled.Count; a++)
                {
                    for (var b = a + 1; b < sampled.Count; b++)
                    {
                        pairs[m++] = new Pair((amounts[b] - amounts[a]) / (times[b] - times[a]), sampled[a], sampled[b]);
                    }
                }
            }

            if (m == 0)
            {
                return null;
            }

            var span = pairs.AsSpan(0, m);
            var k = (m - 1) / 2;
            Select(span, k);
            var median = Exact(points, span[k]);
            if (m % 2 == 0)
            {
                // The upper middle is the smallest slope above the lower one, which Select left to its right.
                var upper = span[k + 1];
                foreach (var pair in span[(k + 2)..])
                {
                    upper = pair.Slope < upper.Slope ? pair : upper;
                }

                median = (median + Exact(points, upper)) / 2;
            }

            return median;
        }
        finally
        {
            ArrayPool<Pair>.Shared.Return(pairs);
        }
    }

    private static decimal Exact(IReadOnlyList<RunwayPoint> points, Pair pair) =>
        (points[pair.J].Amount - points[pair.I].Amount) * MillisecondsPerDay / (points[pair.J].Time - points[pair.I].Time);

    // Quickselect (Hoare's): afterwards span[k] is the k-th smallest slope, those before it no larger, those after no smaller.
    private static void Select(Span<Pair> span, int k)
    {
        var (left, right) = (0, span.Length - 1);
        while (left < right)
        {
            var pivot = MedianOfThree(span[left].Slope, span[left + ((right - left) / 2)].Slope, span[right].Slope);
            var (i, j) = (left, right);
            while (i <= j)
            {
                while (span[i].Slope < pivot)
                {
                    i++;
                }

                while (span[j].Slope > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (span[i], span[j]) = (span[j], span[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Pair(double Slope, int I, int J);
}
