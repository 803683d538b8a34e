using System.Globalization;

namespace BalanceClients.History;

/// <summary>
/// The store's schema in a PostgreSQL database, versioned by the row <c>schema_version</c> of <c>balances_meta</c>: migration
/// <c>n</c> takes a database from version <c>n</c> to <c>n + 1</c>, under a transaction-level advisory lock, so that one replica
/// at a time migrates. Migrations are only ever appended. Its tables are prefixed <c>balances_</c>, so that the store may share a
/// database (and its schema search path) with other applications.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The first key of every advisory lock the store takes ("BALS"); the second says which lock.</summary>
    public const int LockClass = 0x42414C53;

    /// <summary>The advisory lock held while the schema is migrated (for the transaction).</summary>
    public const int MigrationLock = 1;

    /// <summary>The advisory lock of the retention (exclusive, for the transaction) and of writes (shared).</summary>
    public const int RetentionLock = 2;

    /// <summary>The advisory lock the leader of several replicas holds (for its session).</summary>
    public const int LeaderLock = 3;

    /// <summary>The advisory lock of a change of what a receiver is told (for the transaction): one replica's at a time.</summary>
    public const int NotifiedLock = 4;

    /// <summary>The key of the schema version in <c>balances_meta</c>.</summary>
    public const string VersionKey = "schema_version";

    /// <summary>Creates the table of the schema version, which every version has, when missing.</summary>
    public const string MetaTable = "CREATE TABLE IF NOT EXISTS balances_meta (key text PRIMARY KEY, value bigint NOT NULL)";

    // As in SQLite: times are milliseconds since 1970-01-01 UTC; amounts are exact (numeric keeps the digits and scale given); the
    // readings are clustered on (series, time). Provider and account names match ignoring case, through lower() in the unique indexes.
    // Version 2 adds the outbox, as SQLite's version 4 does.
    // Version 3 adds balances_latest: each account's latest reading whole (a JSON document, LatestReadingJson), which followers read.
    // Version 4 adds to it the id of the transaction that wrote each row (change, set by a trigger on every write, whoever writes),
    // so that a follower reads only the rows written since its last read: those of transactions not yet finished when that read's
    // snapshot was taken (pg_snapshot_xmin) or later. It needs PostgreSQL 13 (pg_current_xact_id).
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE balances_series (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            provider text NOT NULL,
            account text NOT NULL,
            kind text NOT NULL,
            currency text NOT NULL
        );
        CREATE UNIQUE INDEX balances_series_key ON balances_series (lower(provider), lower(account), kind, currency);
        CREATE TABLE balances_readings (
            series bigint NOT NULL REFERENCES balances_series (id),
            time bigint NOT NULL,
            amount numeric,
            PRIMARY KEY (series, time)
        );
        CREATE INDEX balances_readings_time ON balances_readings (time);
        CREATE TABLE balances_notified (
            receiver text NOT NULL,
            provider text NOT NULL,
            account text NOT NULL,
            level text NOT NULL,
            runway_level text NOT NULL,
            time bigint NOT NULL
        );
        CREATE UNIQUE INDEX balances_notified_key ON balances_notified (receiver, lower(provider), lower(account));
        """,
        """
        CREATE TABLE balances_outbox (
            sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            receiver text NOT NULL,
            provider text NOT NULL,
            account text NOT NULL,
            levels text NOT NULL,
            message_id text NOT NULL UNIQUE,
            body text NOT NULL,
            created bigint NOT NULL,
            bursts integer NOT NULL,
            due bigint NOT NULL
        );
        CREATE INDEX balances_outbox_receiver ON balances_outbox (receiver, sequence);
        """,
        """
        CREATE TABLE balances_latest (
            provider text NOT NULL,
            account text NOT NULL,
            time bigint NOT NULL,
            reading text NOT NULL
        );
        CREATE UNIQUE INDEX balances_latest_key ON balances_latest (lower(provider), lower(account));
        """,
        """
        ALTER TABLE balances_latest ADD COLUMN change bigint NOT NULL DEFAULT 0;
        CREATE INDEX balances_latest_change ON balances_latest (change);
        CREATE FUNCTION balances_latest_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.change := pg_current_xact_id()::text::bigint;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER balances_latest_changed BEFORE INSERT OR UPDATE ON balances_latest
            FOR EACH ROW EXECUTE FUNCTION balances_latest_changed();
        """,
    ];

    /// <summary>The statement that takes one of the store's advisory locks.</summary>
    /// <param name="function">PostgreSQL's function: <c>pg_advisory_xact_lock</c>, <c>pg_try_advisory_lock</c>, ...</param>
    /// <param name="which">Which lock.</param>
    /// <returns>The statement.</returns>
    public static string Lock(string function, int which) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT {function}({LockClass}, {which})");

    /// <summary>The statement that says whether this session holds one of the store's session-level advisory locks.</summary>
    /// <param name="which">Which lock.</param>
    /// <returns>The statement.</returns>
    public static string HeldLock(int which) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"""
            SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
              AND classid = {LockClass} AND objid = {which} AND objsubid = 2
            """);

    /// <summary>The schema version this library writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>The migrations that take a database from <paramref name="version"/> to <see cref="CurrentVersion"/>.</summary>
    /// <param name="version">The database's version.</param>
    /// <returns>The SQL of each, in order, with the version it leads to.</returns>
    public static IEnumerable<(int Version, string Sql)> From(int version) =>
        Migrations.Skip(version).Select((sql, i) => (version + i + 1, sql));
}
