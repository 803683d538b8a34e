using BalanceClients.History;

namespace BalanceClients.Cli.History;

/// <summary>Runs one <c>balances history</c>: prints the recorded readings, or imports a CSV of them into the store.</summary>
/// <param name="console">Where the tool reads and writes.</param>
/// <param name="settings">The options.</param>
internal sealed class HistoryRunner(CliConsole console, HistorySettings settings)
{
    // How much later than this machine's clock an imported reading may be: another machine's clock may run ahead.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Prints or imports.</summary>
    /// <param name="cancellationToken">Stops the work; an import stopped part way stores nothing.</param>
    /// <returns>The exit status: 0, or 64 when the store or the imported file cannot be used.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return settings.ImportFile is { } path
                ? await ImportAsync(path, cancellationToken).ConfigureAwait(false)
                : await PrintAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CliConfiguration.MistakeIn(exception) is { } mistake)
        {
            await console.Error.WriteLineAsync($"balances: {mistake}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    private async Task<int> PrintAsync(CancellationToken cancellationToken)
    {
        var now = console.Clock.GetUtcNow();
        var since = settings.Since is { } duration ? SinceDuration.Start(now, duration) : null;
        var path = settings.Store.Path;
        BalanceStore store;
        try
        {
            // The store is opened before anything is written: a store that cannot be read leaves standard output empty. Printing
            // writes nothing: it reads a store it may not write (a backup, another user's), and leaves migrations and the retention
            // to the writers.
            store = await BalanceStore.OpenReadOnlyAsync(path, null, console.Clock, cancellationToken).ConfigureAwait(false);
        }
        catch (BalanceStoreException exception) when (exception.Kind == BalanceStoreErrorKind.NotFound)
        {
            // Not created by a reader: an empty history, said on standard error, with the place where it was looked for.
            var missing = settings.Store.IsPostgreSql ? "holds no store" : "does not exist";
            await console.Error.WriteLineAsync(
                $"balances: no readings recorded yet: {CliText.Printable(settings.Store.Display)} {missing} "
                + $"(from {settings.Store.Source}; balances serve and balances check --record create it).").ConfigureAwait(false);
            await WriteAsync(AsyncEnumerable.Empty<StoredReading>(), since, now, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await using (store.ConfigureAwait(false))
        {
            var readings = store.ReadAsync(settings.Provider, settings.Account, since, cancellationToken);
            await WriteAsync(readings, since, now, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private async Task WriteAsync(
        IAsyncEnumerable<StoredReading> readings, DateTimeOffset? since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var report = await CreateReportAsync(since, now, cancellationToken).ConfigureAwait(false);
        await using (report.ConfigureAwait(false))
        {
            await foreach (var reading in readings.ConfigureAwait(false))
            {
                await report.AddAsync(reading, cancellationToken).ConfigureAwait(false);
            }

            await report.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IHistoryReport> CreateReportAsync(DateTimeOffset? since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (settings.Format == HistoryFormat.Json)
        {
            // The JSON is written as bytes, after whatever text went before it.
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new JsonHistoryReport(console.Output);
        }

        return settings.Format == HistoryFormat.Csv ? new CsvHistoryReport(console.Out) : new TableHistoryReport(console.Out, since, now);
    }

    private async Task<int> ImportAsync(string path, CancellationToken cancellationToken)
    {
        var file = ImportFile.Open(path, console.Input);
        file.LatestTime = console.Clock.GetUtcNow() + ClockSkew;
        await using (file.ConfigureAwait(false))
        {
            // Every row is checked before the store is opened (or created), then read again into one transaction.
            var (rows, oldest) = (0, DateTimeOffset.MaxValue);
            await foreach (var reading in file.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (rows, oldest) = (rows + 1, reading.Time < oldest ? reading.Time : oldest);
            }

            var options = new BalanceStoreOptions();
            var store = await BalanceStore.OpenAsync(settings.Store.Path, options, console.Clock, cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                var added = await store.ImportAsync(file.ReadAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                var thinned = options.RawRetention is { } retention && oldest < console.Clock.GetUtcNow() - retention
                    ? $"; those older than {retention.TotalDays:0.##} days are kept one per hour, as recorded ones are"
                    : string.Empty;
                await console.Out.WriteLineAsync(
                    $"imported {added} of {rows} reading{(rows == 1 ? string.Empty : "s")} from {CliText.Printable(file.Name)} "
                    + $"into {CliText.Printable(store.Path)}"
                    + (rows > added ? $" ({rows - added} already recorded)" : string.Empty) + thinned + ".").ConfigureAwait(false);
            }
        }

        return ExitCodes.Ok;
    }
}
