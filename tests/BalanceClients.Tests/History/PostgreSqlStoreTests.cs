using BalanceClients.History;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.History;

/// <summary>
/// What only a PostgreSQL store does: the URI read as libpq reads it, the password from the URI, <c>PGPASSWORD</c> or a password
/// file, and never shown; the tables made under their own names; a migration by one process at a time.
/// </summary>
public sealed class PostgreSqlStoreTests
{
    [Theory]
    [InlineData(
        "postgresql://u:p%40ss@db.example:5433/balances?sslmode=require", "postgresql://u@db.example:5433/balances?sslmode=require")]
    [InlineData("POSTGRES://u@h1:5432,h2/db", "postgres://u@h1:5432,h2/db")]
    [InlineData(
        "postgresql:///db?host=/run/postgresql&password=x1&application_name=b", "postgresql:///db?host=/run/postgresql&application_name=b")]
    [InlineData("postgresql://u:only@/", "postgresql://u@/")]
    public void Parse_Uri_ShowsItWithoutItsPassword(string uri, string display)
    {
        var location = PostgreSqlLocation.Parse(uri);

        Assert.Equal(display, location.Display);
    }

    [Fact]
    public void Parse_Uri_GivesNpgsqlTheSettingsLibpqWould()
    {
        var settings = PostgreSqlLocation.Parse(
            "postgresql://ops%20user:p%40ss@db.example:5433/bal%2Fances?sslmode=verify-full&connect_timeout=7&application_name=x").Settings;

        Assert.Equal(
            ("ops user", "p@ss", "db.example:5433", 5433, "bal/ances", Npgsql.SslMode.VerifyFull, 7, "x"),
            (settings.Username, settings.Password, settings.Host, settings.Port, settings.Database, settings.SslMode, settings.Timeout,
                settings.ApplicationName));
    }

    [Theory]
    [InlineData("postgresql://u:Secr3t@h/db?sslmode=sometimes", "the sslmode 'sometimes' is none of")]
    [InlineData("postgresql://u:Secr3t@h:port/db", "the port 'port' is not a whole number")]
    [InlineData("postgresql://u:Secr3t@h/db?sslcompression=1", "the parameter 'sslcompression' is none that balances knows")]
    [InlineData("postgresql://u:Secr3t@,h/db", "a host is empty")]
    public void Parse_Malformed_SaysWhatInOneLineWithoutThePassword(string uri, string why)
    {
        var exception = Assert.Throws<ArgumentException>(() => PostgreSqlLocation.Parse(uri));

        Assert.Contains(why, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secr3t", exception.ToString(), StringComparison.Ordinal);
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task OpenAsync_WrongPassword_IsRefusedNamingTheStoreWithoutThePassword()
    {
        var server = await PostgreSqlServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        var uri = server.Uri(database, withPassword: false).Replace("balances@", "balances:Wr0ngPassw0rd@", StringComparison.Ordinal);

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(() => BalanceStore.OpenAsync(uri));

        Assert.Equal(BalanceStoreErrorKind.Unreadable, exception.Kind);
        Assert.StartsWith(
            server.Uri(database, withPassword: false) + " cannot be read: the server refused", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Wr0ngPassw0rd", exception.ToString(), StringComparison.Ordinal);
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task OpenAsync_PasswordInTheUri_IsNeverInThePathOrAMessage()
    {
        var server = await PostgreSqlServer.GetAsync();
        var database = await server.CreateDatabaseAsync();

        await using var store = await BalanceStore.OpenAsync(server.Uri(database));

        Assert.Equal(server.Uri(database, withPassword: false), store.Path);
        Assert.DoesNotContain(PostgreSqlServer.Password, store.Path, StringComparison.Ordinal);
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task OpenAsync_NewDatabase_MakesTheTablesUnderTheirOwnNamesAtTheCurrentVersion()
    {
        var server = await PostgreSqlServer.GetAsync();
        var database = await server.CreateDatabaseAsync();

        await using (await BalanceStore.OpenAsync(server.Uri(database)))
        {
        }

        Assert.Equal(
            "balances_latest,balances_meta,balances_notified,balances_outbox,balances_readings,balances_series",
            await server.ScalarAsync(
                database, "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Equal(
            (long)PostgreSqlSchema.CurrentVersion,
            await server.ScalarAsync(database, "SELECT value FROM balances_meta WHERE key = 'schema_version'"));
    }

    [FactWhenInstalled(PostgreSqlServer.Executable, "postgresql")]
    public async Task OpenAsync_DatabaseMissing_IsNotFoundInOneLine()
    {
        var server = await PostgreSqlServer.GetAsync();

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(() => BalanceStore.OpenAsync(server.Uri("nosuchdatabase")));

        Assert.Equal(BalanceStoreErrorKind.NotFound, exception.Kind);
        Assert.Equal(
            $"{server.Uri("nosuchdatabase", withPassword: false)}: the database does not exist; balances creates tables, not databases.",
            exception.Message);
    }
}
