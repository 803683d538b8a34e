using System.Diagnostics.CodeAnalysis;
using BalanceClients.History;

namespace BalanceClients.Cli;

/// <summary>
/// Where the store of readings is, shared by every command: <c>--store PATH</c>, else <c>BALANCES_STORE</c>, else
/// <c>$XDG_STATE_HOME/balances/balances.db</c> (an absolute <c>XDG_STATE_HOME</c> only, as the XDG specification says), else
/// <c>$HOME/.local/state/balances/balances.db</c>.
/// </summary>
/// <c>--store</c> and <c>BALANCES_STORE</c> may name a PostgreSQL URI (<c>postgresql://</c> or <c>postgres://</c>) instead.
/// <param name="Path">The store's file, as a full path, or its PostgreSQL URI as given (its password included: never shown).</param>
/// <param name="Source">What chose it (<c>--store</c>, <c>BALANCES_STORE</c>, <c>XDG_STATE_HOME</c> or <c>HOME</c>), for messages.</param>
internal sealed record StoreLocation(string Path, string Source)
{
    /// <summary>The store as messages, logs and status lines show it: the file, or the URI without its password.</summary>
    public string Display { get; private init; } = Path;

    /// <summary>Whether the store is a PostgreSQL database.</summary>
    public bool IsPostgreSql { get; private init; }

    /// <summary>The variable that names the store when <c>--store</c> does not.</summary>
    public const string Variable = "BALANCES_STORE";

    /// <summary>The store's place below the XDG state folder.</summary>
    public static readonly string RelativeToStateHome = System.IO.Path.Combine("balances", "balances.db");

    /// <summary>Finds the store's file.</summary>
    /// <param name="option">The <c>--store</c> value, if given.</param>
    /// <param name="environment">The environment variables.</param>
    /// <param name="location">The store's file, when found.</param>
    /// <param name="error">Why there is none (an empty or invalid path, no <c>HOME</c>), otherwise.</param>
    /// <returns>Whether a location was found.</returns>
    public static bool TryResolve(
        string? option,
        IReadOnlyDictionary<string, string?> environment,
        [NotNullWhen(true)] out StoreLocation? location,
        out string error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (option is not null)
        {
            return TryCreate(option, "--store", out location, out error);
        }

        if (environment.GetValueOrDefault(Variable) is { Length: > 0 } variable)
        {
            return TryCreate(variable, Variable, out location, out error);
        }

        // A relative XDG_STATE_HOME is invalid and ignored, as the specification asks.
        if (environment.GetValueOrDefault("XDG_STATE_HOME") is { Length: > 0 } state && System.IO.Path.IsPathFullyQualified(state))
        {
            return TryCreate(System.IO.Path.Combine(state, RelativeToStateHome), "XDG_STATE_HOME", out location, out error);
        }

        if (environment.GetValueOrDefault("HOME") is { Length: > 0 } home && System.IO.Path.IsPathFullyQualified(home))
        {
            return TryCreate(System.IO.Path.Combine(home, ".local", "state", RelativeToStateHome), "HOME", out location, out error);
        }

        location = null;
        error = $"no place for the store of readings: give --store PATH, or set {Variable} (or HOME, or XDG_STATE_HOME).";
        return false;
    }

    private static bool TryCreate(string path, string source, [NotNullWhen(true)] out StoreLocation? location, out string error)
    {
        location = null;
        if (PostgreSqlLocation.IsUri(path))
        {
            // The URI itself is never quoted: it may hold the password.
            if (!PostgreSqlLocation.TryParse(path, out var database, out var malformed))
            {
                error = $"{source}: {malformed}";
                return false;
            }

            location = new StoreLocation(path, source) { Display = database.Display, IsPostgreSql = true };
            error = string.Empty;
            return true;
        }

        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            error = $"{source} {CliText.Quote(path)}: the path of a file is needed.";
            return false;
        }

        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = $"{source} {CliText.Quote(path)}: not a valid path.";
            return false;
        }

        if (System.IO.Path.EndsInDirectorySeparator(full))
        {
            error = $"{source} {CliText.Quote(path)}: the path of a file is needed, not of a folder.";
            return false;
        }

        location = new StoreLocation(full, source);
        error = string.Empty;
        return true;
    }
}
