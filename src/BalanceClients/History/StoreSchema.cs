namespace BalanceClients.History;

/// <summary>
/// The store's schema, versioned by <c>PRAGMA user_version</c>: migration <c>n</c> takes a database from version <c>n</c> to
/// <c>n + 1</c>. Migrations are only ever appended.
/// </summary>
internal static class StoreSchema
{
    /// <summary>Marks a SQLite file as a store of balances (<c>PRAGMA application_id</c>; "BALS").</summary>
    public const int ApplicationId = 0x42414C53;

    /// <summary>The key of the time up to which readings have been thinned, in the <c>meta</c> table.</summary>
    public const string ThinnedUntilKey = "thinned_until";

    // Times are milliseconds since 1970-01-01 UTC. Amounts are invariant decimal text (exact; never REAL). The readings are
    // clustered on (series, time): one series' recent readings are one range, and all readings since T one range per series.
    // Version 2 adds what notifiers last told each receiver of each account (its level, by its contract name); version 3 adds
    // the level of the account's runway told beside it, 'ok' for every row of before (no runway was ever told then). Version 4
    // adds the outbox: the messages queued for a receiver and not yet delivered, in the order they were queued (sequence). Version 5
    // adds latest: each account's latest reading whole (a JSON document, LatestReadingJson), as replicas that follow read it. Version
    // 6 numbers the changes of latest (change: one more than the highest, set by triggers on every write, whoever writes; SQLite
    // commits one writer at a time, so a higher number is a later commit), so that a follower reads only the rows changed since.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            provider TEXT NOT NULL COLLATE NOCASE,
            account TEXT NOT NULL COLLATE NOCASE,
            kind TEXT NOT NULL,
            currency TEXT NOT NULL,
            UNIQUE (provider, account, kind, currency)
        ) STRICT;
        CREATE TABLE readings (
            series INTEGER NOT NULL REFERENCES series (id),
            time INTEGER NOT NULL,
            amount TEXT,
            PRIMARY KEY (series, time)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value ANY
        ) STRICT, WITHOUT ROWID;
        """,
        """
        CREATE TABLE notified (
            receiver TEXT NOT NULL,
            provider TEXT NOT NULL COLLATE NOCASE,
            account TEXT NOT NULL COLLATE NOCASE,
            level TEXT NOT NULL,
            time INTEGER NOT NULL,
            PRIMARY KEY (receiver, provider, account)
        ) STRICT, WITHOUT ROWID;
        """,
        """
        ALTER TABLE notified ADD COLUMN runway_level TEXT NOT NULL DEFAULT 'ok';
        """,
        """
        CREATE TABLE outbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            receiver TEXT NOT NULL,
            provider TEXT NOT NULL,
            account TEXT NOT NULL,
            levels TEXT NOT NULL,
            message_id TEXT NOT NULL UNIQUE,
            body TEXT NOT NULL,
            created INTEGER NOT NULL,
            bursts INTEGER NOT NULL,
            due INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX outbox_receiver ON outbox (receiver, sequence);
        """,
        """
        CREATE TABLE latest (
            provider TEXT NOT NULL COLLATE NOCASE,
            account TEXT NOT NULL COLLATE NOCASE,
            time INTEGER NOT NULL,
            reading TEXT NOT NULL,
            PRIMARY KEY (provider, account)
        ) STRICT, WITHOUT ROWID;
        """,
        """
        ALTER TABLE latest ADD COLUMN change INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX latest_change ON latest (change);
        CREATE TRIGGER latest_inserted AFTER INSERT ON latest BEGIN
            UPDATE latest SET change = (SELECT max(change) FROM latest) + 1 WHERE provider = NEW.provider AND account = NEW.account;
        END;
        CREATE TRIGGER latest_updated AFTER UPDATE OF time, reading ON latest BEGIN
            UPDATE latest SET change = (SELECT max(change) FROM latest) + 1 WHERE provider = NEW.provider AND account = NEW.account;
        END;
        """,
    ];

    /// <summary>The schema version this library writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>The migrations that take a database from <paramref name="version"/> to <see cref="CurrentVersion"/>.</summary>
    /// <param name="version">The database's version.</param>
    /// <returns>The SQL of each, in order, with the version it leads to.</returns>
    public static IEnumerable<(int Version, string Sql)> From(int version) =>
        Migrations.Skip(version).Select((sql, i) => (version + i + 1, sql));
}
