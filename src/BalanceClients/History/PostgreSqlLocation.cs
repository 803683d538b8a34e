using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Npgsql;

namespace BalanceClients.History;

/// <summary>
/// A PostgreSQL URI as libpq reads it (<c>postgresql://[user[:password]@][host[:port][,...]][/database][?parameter=value&amp;...]</c>,
/// or <c>postgres://</c>), turned into Npgsql's settings, and the same URI without its secrets for messages. A password that the URI
/// does not hold comes, as libpq takes it, from <c>PGPASSWORD</c> or the password file (<c>PGPASSFILE</c>, else <c>~/.pgpass</c>):
/// Npgsql reads both itself.
/// </summary>
internal sealed class PostgreSqlLocation
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    // libpq's parameters that Npgsql has an equivalent for (https://www.postgresql.org/docs/current/libpq-connect.html).
    private static readonly Dictionary<string, Action<NpgsqlConnectionStringBuilder, string>> Parameters = new(StringComparer.Ordinal)
    {
        ["host"] = (builder, value) => builder.Host = value,
        ["port"] = (builder, value) => builder.Port = Number(value, "port"),
        ["dbname"] = (builder, value) => builder.Database = value,
        ["user"] = (builder, value) => builder.Username = value,
        ["password"] = (builder, value) => builder.Password = value,
        ["passfile"] = (builder, value) => builder.Passfile = value,
        ["sslmode"] = (builder, value) => builder.SslMode = SslModeOf(value),
        ["sslrootcert"] = (builder, value) => builder.RootCertificate = value,
        ["sslcert"] = (builder, value) => builder.SslCertificate = value,
        ["sslkey"] = (builder, value) => builder.SslKey = value,
        ["sslpassword"] = (builder, value) => builder.SslPassword = value,
        ["application_name"] = (builder, value) => builder.ApplicationName = value,
        ["connect_timeout"] = (builder, value) => builder.Timeout = Number(value, "connect_timeout"),
        ["options"] = (builder, value) => builder.Options = value,
        ["target_session_attrs"] = (builder, value) => builder.TargetSessionAttributes = value,
        ["keepalives_idle"] = (builder, value) => builder.TcpKeepAliveTime = Number(value, "keepalives_idle"),
        ["keepalives_interval"] = (builder, value) => builder.TcpKeepAliveInterval = Number(value, "keepalives_interval"),
    };

    // Parameters whose value is a secret: left out of the URI that messages show.
    private static readonly HashSet<string> SecretParameters = new(StringComparer.Ordinal) { "password", "sslpassword" };

    private PostgreSqlLocation(NpgsqlConnectionStringBuilder settings, string display)
    {
        Settings = settings;
        Display = display;
    }

    /// <summary>Npgsql's settings, the password included when the URI holds one.</summary>
    public NpgsqlConnectionStringBuilder Settings { get; }

    /// <summary>The URI without its password or any other secret: what messages, logs and status lines show.</summary>
    public string Display { get; }

    /// <summary>The secrets the URI holds (its password, an SSL key's password), to be kept out of any message.</summary>
    public IEnumerable<string> Secrets =>
        new[] { Settings.Password, Settings.SslPassword }.Where(secret => !string.IsNullOrEmpty(secret))!;

    /// <summary>Whether a store's location is a PostgreSQL URI rather than a file.</summary>
    /// <param name="location">The location.</param>
    /// <returns>Whether it begins <c>postgresql://</c> or <c>postgres://</c> (in any case).</returns>
    public static bool IsUri(string? location) =>
        location is not null && Schemes.Any(scheme => location.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a PostgreSQL URI.</summary>
    /// <param name="uri">The URI.</param>
    /// <returns>Its settings and its display.</returns>
    /// <exception cref="ArgumentException">The URI is malformed; the message names what, never a secret.</exception>
    public static PostgreSqlLocation Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        try
        {
            return Read(uri);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException(exception.Message, nameof(uri), exception);
        }
    }

    /// <summary>
    /// Tries to read a PostgreSQL URI.
    /// </summary>
    /// <param name="uri">The URI.</param>
    /// <param name="location">Its settings and display, when it is well formed.</param>
    /// <param name="error">Why it is malformed (never with a secret), otherwise.</param>
    /// <returns>Whether it is well formed.</returns>
    public static bool TryParse(string uri, [NotNullWhen(true)] out PostgreSqlLocation? location, out string error)
    {
        try
        {
            (location, error) = (Read(uri), string.Empty);
            return true;
        }
        catch (FormatException exception)
        {
            (location, error) = (null, exception.Message);
            return false;
        }
    }

    private static PostgreSqlLocation Read(string uri)
    {
        var scheme = Schemes.FirstOrDefault(s => uri.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            ?? throw Malformed("it begins neither postgresql:// nor postgres://");
        var rest = uri[scheme.Length..];
        var query = string.Empty;
        if (rest.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
        {
            (rest, query) = (rest[..q], rest[(q + 1)..]);
        }

        var database = string.Empty;
        if (rest.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
        {
            (rest, database) = (rest[..slash], Decoded(rest[(slash + 1)..], "the database name"));
        }

        var settings = new NpgsqlConnectionStringBuilder();
        var display = new StringBuilder(scheme.ToLowerInvariant());
        if (rest.LastIndexOf('@') is var at and >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = colon < 0 ? userInfo : userInfo[..colon];
            if (user.Length > 0)
            {
                settings.Username = Decoded(user, "the user name");
                display.Append(user);
            }

            if (colon >= 0 && userInfo.Length > colon + 1)
            {
                settings.Password = Decoded(userInfo[(colon + 1)..], "the password");
            }

            display.Append('@');
        }

        if (rest.Length > 0)
        {
            settings.Host = Hosts(rest, settings);
            display.Append(rest);
        }

        if (database.Length > 0)
        {
            settings.Database = database;
        }

        display.Append('/').Append(Uri.EscapeDataString(database));
        ApplyParameters(query, settings, display);
        return new PostgreSqlLocation(settings, display.ToString());
    }

    // The query's libpq parameters, each applied to the settings, and shown unless its value is a secret.
    private static void ApplyParameters(string query, NpgsqlConnectionStringBuilder settings, StringBuilder display)
    {
        var shown = new List<string>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decoded(equals < 0 ? pair : pair[..equals], "a parameter's name");
            var value = equals < 0 ? string.Empty : Decoded(pair[(equals + 1)..].Replace('+', ' '), $"the parameter {name}");
            if (!Parameters.TryGetValue(name, out var apply))
            {
                throw Malformed(
                    $"the parameter {Printable(name)} is none that balances knows (known: {string.Join(", ", Parameters.Keys)})");
            }

            apply(settings, value);
            if (!SecretParameters.Contains(name))
            {
                shown.Add(pair);
            }
        }

        if (shown.Count > 0)
        {
            display.Append('?').AppendJoin('&', shown);
        }
    }

    /// <summary>A text with every secret of the URI replaced by <c>***</c>: for messages from the database or its driver.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, safe to show.</returns>
    public string Redacted(string text) =>
        Secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));

    // "host", "host:port", "[::1]:port", comma-separated: Npgsql's Host takes the same list, with ports.
    private static string Hosts(string hosts, NpgsqlConnectionStringBuilder settings)
    {
        var list = new List<string>();
        foreach (var one in hosts.Split(','))
        {
            var host = one;
            string? port = null;
            var close = host.LastIndexOf(']');
            var colon = host.LastIndexOf(':');
            if (colon > close)
            {
                (host, port) = (host[..colon], host[(colon + 1)..]);
            }

            host = Decoded(host, "a host");
            if (host.Length == 0)
            {
                throw Malformed("a host is empty");
            }

            if (port is null)
            {
                list.Add(host);
            }
            else
            {
                var number = Number(port, "port");
                settings.Port = number;
                list.Add(string.Create(CultureInfo.InvariantCulture, $"{host}:{number}"));
            }
        }

        return string.Join(',', list);
    }

    private static int Number(string value, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? number
            : throw Malformed($"the {name} {Printable(value)} is not a whole number from 1 to 65535");

    private static SslMode SslModeOf(string value) => value switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw Malformed($"the sslmode {Printable(value)} is none of disable, allow, prefer, require, verify-ca, verify-full"),
    };

    private static string Decoded(string text, string what)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            throw Malformed($"{what} is not percent-encoded correctly");
        }
    }

    private static string Printable(string text) =>
        text.Length > 40 || text.Any(char.IsControl) ? "(not shown)" : "'" + text + "'";

    private static FormatException Malformed(string why) => new($"The PostgreSQL URI is malformed: {why}.");
}
