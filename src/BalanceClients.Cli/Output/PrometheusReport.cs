using System.Globalization;
using System.Text;

namespace BalanceClients.Cli.Output;

/// <summary>
/// Prometheus text exposition format, for node_exporter's textfile collector. Samples of one metric must be written together,
/// so each metric's samples go to a temporary file until the end: memory stays flat however many accounts there are.
/// </summary>
internal sealed class PrometheusReport : IReport, IDisposable
{
    private static readonly (string Name, string Help)[] Metrics =
    [
        ("balances_amount", "Amount of an account's balance, by kind and currency."),
        ("balances_low", "Whether an amount of the account is below its --min threshold (1) or not (0)."),
        ("balances_check_success", "Whether the account's balance was read (1) or not (0)."),
        ("balances_check_error", "Why the account's balance could not be read, as the error kind label; present only for failed checks."),
        ("balances_check_duration_seconds", "How long the account's balance check took, retries included."),
    ];

    private readonly TextWriter _out;
    private readonly StreamWriter[] _samples;

    public PrometheusReport(TextWriter output)
    {
        _out = output;
        var samples = new List<StreamWriter>(Metrics.Length);
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

    public async Task AddAsync(ReportedResult result, CancellationToken cancellationToken)
    {
        var check = result.Result;
        var account = $"provider=\"{Escape(check.Provider)}\",account=\"{Escape(check.Account)}\"";
        foreach (var amount in check.Balance?.Amounts ?? [])
        {
            if (amount.Amount is { } value)
            {
                var labels = $"{account},kind=\"{Escape(amount.Kind)}\",currency=\"{Escape(amount.Currency)}\",primary=\"{(amount.IsPrimary ? "true" : "false")}\"";
                await WriteAsync(0, labels, value.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }
        }

        await WriteAsync(1, account, result.IsLow ? "1" : "0").ConfigureAwait(false);
        await WriteAsync(2, account, check.IsSuccess ? "1" : "0").ConfigureAwait(false);
        if (check.Error is { } error)
        {
            await WriteAsync(3, $"{account},kind=\"{error.Kind.ToContractName()}\"", "1").ConfigureAwait(false);
        }

        await WriteAsync(4, account, check.Duration.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture)).ConfigureAwait(false);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < Metrics.Length; i++)
            {
                var (name, help) = Metrics[i];
                await _out.WriteAsync($"# HELP {name} {help}\n# TYPE {name} gauge\n".AsMemory(), cancellationToken).ConfigureAwait(false);
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

    public void Dispose()
    {
        foreach (var samples in _samples)
        {
            samples.Dispose();
        }
    }

    // Label values escape backslash, double quote and line feed (the exposition format's rules).
    internal static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), $"balances-{Guid.NewGuid():N}.prom"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);

    private static OutputFailedException TemporaryFilesFailed(Exception exception) => new(
        $"cannot write the Prometheus output's temporary files in {CliText.Quote(Path.GetTempPath())} "
            + $"({(OperatingSystem.IsWindows() ? "TMP" : "TMPDIR")}): {CliText.Reason(exception)}",
        exception);

    private async Task WriteAsync(int metric, string labels, string value)
    {
        try
        {
            await _samples[metric].WriteAsync($"{Metrics[metric].Name}{{{labels}}} {value}\n").ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw TemporaryFilesFailed(exception);
        }
    }
}
