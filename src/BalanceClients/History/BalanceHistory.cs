using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BalanceClients.History;

/// <summary>
/// A host's store of readings (<c>AddBalanceHistory</c>): opened once, on the host's start or on first use, whichever comes first,
/// shared by everything that records or reads the history, and closed with the service provider. If its file is deleted or replaced
/// while it is open, the store is opened again as the file now is (a new store where it was deleted), saying so in one log line.
/// </summary>
public sealed partial class BalanceHistory : IAsyncDisposable, IDisposable
{
    private const string DeletedFile =
        "was deleted while it was open: a new store is made in its place (the readings the deleted one held are gone)";

    private const string ReplacedFile = "was replaced by another file while it was open (a backup restored, say): that file is opened";

    private readonly Lock _lock = new();
    private readonly BalanceHistoryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private Task<BalanceStore>? _opening;
    private bool _disposed;

    /// <summary>Creates the history; nothing is opened yet.</summary>
    /// <param name="options">Where the store is and how long it keeps raw readings.</param>
    /// <param name="timeProvider">The clock of the store's retention and runways.</param>
    public BalanceHistory(IOptions<BalanceHistoryOptions> options, TimeProvider timeProvider)
        : this(options, timeProvider, NullLogger<BalanceHistory>.Instance)
    {
    }

    /// <summary>Creates the history; nothing is opened yet.</summary>
    /// <param name="options">Where the store is and how long it keeps raw readings.</param>
    /// <param name="timeProvider">The clock of the store's retention and runways.</param>
    /// <param name="logger">Where a store opened again (its file deleted or replaced) is told.</param>
    public BalanceHistory(IOptions<BalanceHistoryOptions> options, TimeProvider timeProvider, ILogger<BalanceHistory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The store's file, as configured.</summary>
    public string Path => _options.Path ?? string.Empty;

    /// <summary>
    /// The open store: opened by the first call, and by the next one again if that opening failed, or if the file was deleted or
    /// replaced since. One caller's cancellation stops only its own wait.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The store.</returns>
    /// <exception cref="BalanceStoreException">The store cannot be opened (its message is one line naming the file).</exception>
    /// <exception cref="ObjectDisposedException">The history has been disposed.</exception>
    public Task<BalanceStore> GetStoreAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_opening is { IsCompletedSuccessfully: true, Result: { IsFileLost: true } lost })
            {
                LogOpenedAgain(_logger, lost.Path, File.Exists(lost.Path) ? ReplacedFile : DeletedFile);
                _ = lost.CloseWhenIdleAsync();
                _opening = null;
            }

            if (_opening is null || _opening.IsFaulted || _opening.IsCanceled)
            {
                var options = new BalanceStoreOptions { RawRetention = _options.RawRetention };
                _opening = BalanceStore.OpenAsync(Path, options, _timeProvider, CancellationToken.None);
            }

            return _opening.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    /// <remarks>Never blocks: a store still opening is closed as soon as it is open.</remarks>
    public void Dispose() => _ = CloseAsync();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(CloseAsync());

    [LoggerMessage(33, LogLevel.Warning, "The store {Path} {WhatHappened}")]
    private static partial void LogOpenedAgain(ILogger logger, string path, string whatHappened);

    private async Task CloseAsync()
    {
        Task<BalanceStore>? opening;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            opening = _opening;
        }

        if (opening is null)
        {
            return;
        }

        try
        {
            var store = await opening.ConfigureAwait(false);
            await store.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is BalanceStoreException or ArgumentException or OperationCanceledException)
        {
            // Never opened: nothing to close.
        }
    }
}
