using System.CommandLine;

namespace BalanceClients.Cli;

/// <summary>
/// The <c>--store</c> option (and, for commands that record, <c>--no-store</c>), as <c>check</c>, <c>serve</c> and <c>history</c> take
/// them; <see cref="StoreLocation"/> says where the store is when <c>--store</c> is not given.
/// </summary>
internal sealed class StoreOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="recording">Whether the command records readings: it then takes <c>--no-store</c> too.</param>
    public StoreOptions(bool recording)
    {
        Store = new("--store")
        {
            Description = (recording ? "Record readings in this SQLite file" : "The SQLite file of recorded readings")
                + " or PostgreSQL database (postgresql://user@host:port/db; the password from PGPASSWORD or ~/.pgpass)"
                + $" (default: {StoreLocation.Variable}, else $XDG_STATE_HOME/balances/balances.db, "
                + "else ~/.local/state/balances/balances.db).",
            HelpName = "PATH|URI",
        };
        NoStore = recording ? new("--no-store") { Description = "Record nothing." } : null;
    }

    public Option<string?> Store { get; }

    /// <summary>The <c>--no-store</c> option of a command that records; <see langword="null"/> for <c>history</c>.</summary>
    public Option<bool>? NoStore { get; }

    public IEnumerable<Option> All => NoStore is null ? [Store] : [Store, NoStore];

    /// <summary>Reads where the store is.</summary>
    /// <param name="result">The parsed command line.</param>
    /// <param name="environment">The environment variables (<c>BALANCES_STORE</c>, <c>XDG_STATE_HOME</c>, <c>HOME</c>).</param>
    /// <param name="location">The store's file; <see langword="null"/> with <c>--no-store</c>.</param>
    /// <param name="error">Why it cannot be told, otherwise.</param>
    /// <param name="demo">
    /// Whether the command runs <c>--demo</c>: then only an explicit <c>--store</c> or <c>BALANCES_STORE</c> gives a store, never the
    /// default place, so that the fakes' readings never reach the one where real readings are kept unless the user says so.
    /// </param>
    /// <param name="optional">
    /// Whether the command can do without a store (<c>check</c> without <c>--record</c> only reads one that exists): then an
    /// environment with no place for it (no <c>HOME</c>) gives no store rather than a mistake.
    /// </param>
    /// <returns>Whether the options are valid.</returns>
    public bool TryRead(
        ParseResult result,
        IReadOnlyDictionary<string, string?> environment,
        out StoreLocation? location,
        out string error,
        bool demo = false,
        bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var path = result.GetValue(Store);
        if (demo && path is null && string.IsNullOrEmpty(environment.GetValueOrDefault(StoreLocation.Variable)))
        {
            location = null;
            error = string.Empty;
            return true;
        }

        if (NoStore is not null && result.GetValue(NoStore))
        {
            location = null;
            error = path is null ? string.Empty : "--store and --no-store cannot be given together.";
            return path is null;
        }

        if (StoreLocation.TryResolve(path, environment, out location, out error))
        {
            return true;
        }

        var named = path is not null || !string.IsNullOrEmpty(environment.GetValueOrDefault(StoreLocation.Variable));
        error = optional && !named ? string.Empty : error;
        return error.Length == 0;
    }
}
