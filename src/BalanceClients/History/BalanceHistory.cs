using Microsoft.Extensions.Options;

namespace BalanceClients.History;

/// <summary>
/// A host's store of readings (<c>AddBalanceHistory</c>): opened once, on the host's start or on first use, whichever comes first,
/// shared by everything that records or reads the history, and closed with the service provider.
/// </summary>
public sealed class BalanceHistory : IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private readonly BalanceHistoryOptions _options;
    private readonly TimeProvider _timeProvider;
    private Task<BalanceStore>? _opening;
    private bool _disposed;

    /// <summary>Creates the history; nothing is opened yet.</summary>
    /// <param name="options">Where the store is and how long it keeps raw readings.</param>
    /// <param name="timeProvider">The clock of the store's retention and runways.</param>
    public BalanceHistory(IOptions<BalanceHistoryOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options.Value;
        _timeProvider = timeProvider;
    }

    /// <summary>The store's file, as configured.</summary>
    public string Path => _options.Path ?? string.Empty;

    /// <summary>
    /// The open store: opened by the first call, and by the next one again if that opening failed. One caller's cancellation stops
    /// only its own wait.
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
