using System.Globalization;
using System.Text;
using BalanceClients.History;

namespace BalanceClients.Cli.Output;

/// <summary>
/// Prometheus text exposition format, for node_exporter's textfile collector. Samples of one metric must be written together,
/// so each metric's samples go to a temporary file until the end: memory stays flat however many accounts there are.
/// </summary>
internal sealed class PrometheusReport : IReport
{
    private static readonly IReadOnlyList<MetricFamily> Metrics = BalanceMetrics.CheckFamilies;

    private readonly TextWriter _out;
    private readonly StreamWriter[] _samples;

    public PrometheusReport(TextWriter output)
    {
        _out = output;
        var samples = new List<StreamWriter>(Metrics.Count);
        try
        {
            foreach (var _ in Metrics)
            {
                samples.Add(new StreamWriter(TemporaryFile(), new UTF8Encoding(false)));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            samples.ForEach(file => file.Dispose());
            throw TemporaryFilesFailed(exception);
        }

        _samples = [.. samples];
    }

    public async Task AddAsync(BalanceCheckResult result, BalanceRunway? runway, CancellationToken cancellationToken)
    {
        foreach (var (family, line) in BalanceMetrics.SamplesOf(result, result.Balance?.Amounts ?? [], runway))
        {
            await WriteAsync(family, line).ConfigureAwait(false);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < Metrics.Count; i++)
            {
                await _out.WriteAsync(Metrics[i].Header.AsMemory(), cancellationToken).ConfigureAwait(false);
                await _samples[i].FlushAsync(cancellationToken).ConfigureAwait(false);
                var stream = _samples[i].BaseStream;
                stream.Position = 0;
                using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
                var buffer = new char[16 * 1024];
                int read;
                while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await _out.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Standard output fails as OutputFailedException, never as these: what failed here is a temporary file.
            throw TemporaryFilesFailed(exception);
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

    private static FileStream TemporaryFile() =>
        new(
            Path.Combine(Path.GetTempPath(), $"balances-{Guid.NewGuid():N}.prom"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            4096,
            FileOptions.DeleteOnClose);

    private static OutputFailedException TemporaryFilesFailed(Exception exception) => new(
        $"cannot write the Prometheus output's temporary files in {CliText.Quote(Path.GetTempPath())} "
            + $"({(OperatingSystem.IsWindows() ? "TMP" : "TMPDIR")}): {CliText.Reason(exception)}",
        exception);

    private async Task WriteAsync(MetricFamily family, string line)
    {
        try
        {
            await _samples[IndexOf(family)].WriteAsync(line).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw TemporaryFilesFailed(exception);
        }
    }
}
