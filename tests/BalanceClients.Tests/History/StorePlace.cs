using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

/// <summary>
/// Where one test keeps its store: a file in a temporary folder, or a new database of the private PostgreSQL server (by its URI,
/// the password in it). <see cref="BalanceClients.History.BalanceStore.OpenAsync"/> takes either.
/// </summary>
internal sealed class StorePlace : IDisposable
{
    private readonly StoreFolder? _folder;

    private StorePlace(StoreKind kind, string location, StoreFolder? folder, PostgreSqlServer? server, string? database)
    {
        Kind = kind;
        Location = location;
        _folder = folder;
        Server = server;
        Database = database;
    }

    public StoreKind Kind { get; }

    /// <summary>The store's path or URI.</summary>
    public string Location { get; }

    /// <summary>The PostgreSQL server, for a store there.</summary>
    public PostgreSqlServer? Server { get; }

    /// <summary>The database's name, for a store in PostgreSQL.</summary>
    public string? Database { get; }

    public static async Task<StorePlace> CreateAsync(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            var folder = new StoreFolder();
            return new StorePlace(kind, folder.File(), folder, null, null);
        }

        var server = await PostgreSqlServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        return new StorePlace(kind, server.Uri(database), null, server, database);
    }

    public void Dispose() => _folder?.Dispose();
}
