using Npgsql;

namespace BalanceClients.History;

/// <summary>
/// Turns PostgreSQL's and Npgsql's failures into one-line <see cref="BalanceStoreException"/>s that name the store by its URI without
/// the password, and hold no secret of the URI.
/// </summary>
internal static class PostgreSqlErrors
{
    /// <summary>The store's exception for a failure of the database or the driver.</summary>
    /// <param name="location">The store.</param>
    /// <param name="exception">The failure.</param>
    /// <returns>The exception.</returns>
    public static BalanceStoreException From(PostgreSqlLocation location, NpgsqlException exception)
    {
        var path = location.Display;
        return exception switch
        {
            PostgresException { SqlState: "28P01" or "28000" } =>
                StoreErrors.Unreadable(path, "the server refused the user or its password", exception),
            PostgresException { SqlState: "3D000" } =>
                new(path, BalanceStoreErrorKind.NotFound, $"{path}: the database does not exist; balances creates tables, not databases.",
                    exception),
            PostgresException { SqlState: "42501" } =>
                StoreErrors.ReadOnly(path, $"the user may not do this ({Text(location, exception)})", exception),
            PostgresException { SqlState: "25006" } =>
                StoreErrors.ReadOnly(path, "the server takes no writes (a standby, or a read-only database)", exception),
            PostgresException { SqlState: "53100" } =>
                new(path, BalanceStoreErrorKind.Failed, $"{path} cannot grow: the database server's disk is full.", exception),
            PostgresException { SqlState: "40001" or "40P01" or "55P03" or "57014" } =>
                new(path, BalanceStoreErrorKind.Busy, $"{path} is busy: {Text(location, exception)}.", exception),
            PostgresException postgres =>
                new(path, BalanceStoreErrorKind.Failed, $"{path}: PostgreSQL failed with {postgres.SqlState}: {Text(location, exception)}.",
                    exception),
            _ => new(path, BalanceStoreErrorKind.Failed, $"{path} cannot be reached: {Text(location, exception)}.", exception),
        };
    }

    // The server's or the driver's text in one line, without a secret of the URI.
    private static string Text(PostgreSqlLocation location, NpgsqlException exception)
    {
        var text = exception is PostgresException postgres ? postgres.MessageText : exception.Message;
        if (exception is not PostgresException && exception.InnerException is { Message: { Length: > 0 } inner })
        {
            text += " (" + inner + ")";
        }

        return location.Redacted(text.ReplaceLineEndings(" ").TrimEnd('.'));
    }
}
