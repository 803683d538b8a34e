namespace BalanceClients.Tests.History;

/// <summary>The kinds of store every store behaviour test runs on.</summary>
public enum StoreKind
{
    /// <summary>An embedded SQLite file, the default.</summary>
    Sqlite,

    /// <summary>A database of a private PostgreSQL server (<see cref="Testing.PostgreSqlServer"/>).</summary>
    PostgreSql,
}
