using System.Text;
using BalanceClients.History;
using BalanceClients.Output;

namespace BalanceClients.Cli.Output;

/// <summary>
/// Prometheus text exposition format, for node_exporter's textfile collector. Samples of one metric must be written together,
/// so each metric's samples are kept, as UTF-8, until the end: 10,000 accounts make a document of a few MiB.
/// </summary>
internal sealed class PrometheusReport : IReport
{
    private static readonly IReadOnlyList<MetricFamily> Metrics = BalanceMetrics.CheckFamilies;

    private readonly TextWriter _out;
    private readonly StreamWriter[] _samples;

    public PrometheusReport(TextWriter output)
    {
        _out = output;
        _samples = [.. Metrics.Select(_ => new StreamWriter(new MemoryStream(), new UTF8Encoding(false)))];
    }

    public async Task AddAsync(BalanceCheckResult result, BalanceRunway? runway, CancellationToken cancellationToken)
    {
        foreach (var (family, line) in BalanceMetrics.SamplesOf(result, result.Balance?.Amounts ?? [], runway))
        {
            await _samples[IndexOf(family)].WriteAsync(line).ConfigureAwait(false);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var buffer = new char[16 * 1024];
        for (var i = 0; i < Metrics.Count; i++)
        {
            await _out.WriteAsync(Metrics[i].Header.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _samples[i].FlushAsync(cancellationToken).ConfigureAwait(false);
            var stream = _samples[i].BaseStream;
            stream.Position = 0;
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await _out.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }

        await _out.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var samples in _samples)
        {
            await samples.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int IndexOf(MetricFamily family)
    {
        for (var i = 0; i < Metrics.Count; i++)
        {
            if (ReferenceEquals(Metrics[i], family))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(family), family.Name, "Not a family of the check's report.");
    }
}
