using Microsoft.Data.Sqlite;
using Npgsql;

namespace BalanceClients.Tests.History;

/// <summary>
/// Another writer that holds a store's table until released, as a second process might: a SQLite write transaction (which holds
/// every table), or a PostgreSQL transaction holding an exclusive lock of <c>balances_readings</c> (or of <c>balances_latest</c>).
/// The product's writes there wait meanwhile.
/// </summary>
internal sealed class StoreWriteHold : IAsyncDisposable
{
    private readonly System.Data.Common.DbConnection _connection;
    private System.Data.Common.DbTransaction? _transaction;

    private StoreWriteHold(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<StoreWriteHold> TakeAsync(StorePlace place, string table = "balances_readings")
    {
        if (place.Kind == StoreKind.Sqlite)
        {
            var sqlite = new SqliteConnection($"Data Source={place.Location};Pooling=False");
            await sqlite.OpenAsync();
            return new StoreWriteHold(sqlite, sqlite.BeginTransaction(deferred: false));
        }

        var postgres = await place.Server!.ConnectAsync(place.Database!);
        var transaction = await postgres.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"LOCK TABLE {table} IN EXCLUSIVE MODE", postgres, transaction);
        await command.ExecuteNonQueryAsync();
        return new StoreWriteHold(postgres, transaction);
    }

    /// <summary>Lets the waiting writes go on.</summary>
    public async Task ReleaseAsync()
    {
        if (_transaction is { } transaction)
        {
            _transaction = null;
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}
