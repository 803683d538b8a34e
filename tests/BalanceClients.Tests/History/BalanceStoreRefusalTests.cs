using System.Runtime.Versioning;
using BalanceClients.History;
using BalanceClients.Tests.Testing;
using Microsoft.Data.Sqlite;

namespace BalanceClients.Tests.History;

/// <summary>Files the store refuses: each refusal is one line naming the file, and leaves the file's bytes as they were.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class BalanceStoreRefusalTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_NotASqliteDatabase_IsRefusedUnchanged(bool readOnly)
    {
        var file = _folder.File();
        await File.WriteAllTextAsync(file, "time,provider,account,kind,currency,amount\n2026-11-22T12:00:00Z,telnyx,eu,balance,USD,1.00\n");

        var exception = await RefusedUnchangedAsync(file, readOnly);

        Assert.Equal(
            (BalanceStoreErrorKind.NotADatabase, $"{file} is not a SQLite database; it was left as it is."),
            (exception.Kind, exception.Message));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_AnotherProgramsSqliteDatabase_IsRefusedUnchanged(bool readOnly)
    {
        var file = _folder.File();
        StoreFolder.Scalar(file, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')");

        var exception = await RefusedUnchangedAsync(file, readOnly);

        Assert.Equal(
            (BalanceStoreErrorKind.NotADatabase,
                $"{file} is the SQLite database of another program, not a store of balances; it was left as it is."),
            (exception.Kind, exception.Message));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_NewerSchemaVersion_IsRefusedUnchanged(bool readOnly)
    {
        var file = _folder.File();
        await using (var store = await BalanceStore.OpenAsync(file))
        {
            await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 1m));
        }

        StoreFolder.Scalar(file, "PRAGMA user_version = 99");

        var exception = await RefusedUnchangedAsync(file, readOnly);

        Assert.Equal(
            (BalanceStoreErrorKind.NewerSchema,
                $"{file} was written by a newer version of balances (schema 99; this one knows up to 6); it was left as it is."),
            (exception.Kind, exception.Message));
    }

    [Fact]
    public async Task OpenAsync_ReadOnlyFile_IsRefusedUpFrontUnchanged()
    {
        var file = await _folder.StoreWithAReadingAsync();
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var exception = await RefusedUnchangedAsync(file);

        Assert.Equal(
            (BalanceStoreErrorKind.ReadOnly, $"{file} cannot be written: its permissions allow no writing."),
            (exception.Kind, exception.Message));
    }

    [Fact]
    public async Task OpenAsync_ReadOnlyFolder_IsRefusedUpFrontUnchanged()
    {
        var file = await _folder.StoreWithAReadingAsync();
        File.SetUnixFileMode(_folder.Path, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var exception = await RefusedUnchangedAsync(file);

        Assert.Equal(BalanceStoreErrorKind.ReadOnly, exception.Kind);
        Assert.StartsWith(
            $"{file} cannot be written: its folder {_folder.Path} allows no writing", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_UnreadableFile_IsRefusedUnchanged(bool readOnly)
    {
        var file = await _folder.StoreWithAReadingAsync();
        File.SetUnixFileMode(file, UnixFileMode.UserWrite);

        var exception = await RefusedUnchangedAsync(file, readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal(
            (BalanceStoreErrorKind.Unreadable, $"{file} cannot be read: its permissions allow no reading."),
            (exception.Kind, exception.Message));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_PathIsAFolder_IsRefused(bool readOnly)
    {
        var exception = await Assert.ThrowsAsync<BalanceStoreException>(() => Open(_folder.Path, readOnly));

        Assert.Equal(
            (BalanceStoreErrorKind.NotADatabase, $"{_folder.Path} is a folder, not a SQLite database; it was left as it is."),
            (exception.Kind, exception.Message));
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(false, "/dev/null")]
    [InlineData(true, "/dev/zero")]
    public async Task Open_AFifoOrADevice_IsRefusedWithoutWaitingForAWriter(bool readOnly, string? device)
    {
        var file = device ?? _folder.File("fifo");
        if (device is null)
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [file]);
            await mkfifo.WaitForExitAsync().WithinLimit("mkfifo");
        }

        // SQLite would open a FIFO read-only by waiting, in its own code, for a writer: the opening runs apart, bounded.
        var exception = await Assert.ThrowsAsync<BalanceStoreException>(
            () => Task.Run(() => Open(file, readOnly)).WithinLimit("the opening"));

        Assert.Equal(
            (BalanceStoreErrorKind.NotADatabase,
                $"{file} is not a regular file (a FIFO, a device or a socket), not a SQLite database; it was left as it is."),
            (exception.Kind, exception.Message));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_TruncatedStore_IsRefusedAsDamagedUnchanged(bool readOnly)
    {
        var file = await _folder.StoreWithAReadingAsync();
        var bytes = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, bytes[..1024]);

        var exception = await RefusedUnchangedAsync(file, readOnly);

        Assert.Equal(
            (BalanceStoreErrorKind.Damaged, $"{file} is damaged: SQLite reports a corrupt database."),
            (exception.Kind, exception.Message));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_SymbolicLinkToNothing_IsRefusedUnchanged(bool readOnly)
    {
        var file = _folder.File();
        var target = Path.Combine(_folder.Path, "unmounted", "balances.db");
        File.CreateSymbolicLink(file, target);

        var exception = await RefusedUnchangedAsync(file, readOnly);

        Assert.Equal(
            (BalanceStoreErrorKind.Unreadable, $"{file} is a symbolic link to {target}, which does not exist; it was left as it is."),
            (exception.Kind, exception.Message));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_SymbolicLinkLoop_IsRefusedUnchanged(bool readOnly)
    {
        var file = _folder.File();
        File.CreateSymbolicLink(file, _folder.File("other.db"));
        File.CreateSymbolicLink(_folder.File("other.db"), file);

        var exception = await RefusedUnchangedAsync(file, readOnly);

        Assert.Equal(
            (BalanceStoreErrorKind.Unreadable, $"{file} is a symbolic link that leads back to itself (a loop); it was left as it is."),
            (exception.Kind, exception.Message));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_NegativeSchemaVersion_IsRefusedAsDamagedUnchanged(bool readOnly)
    {
        var file = await _folder.StoreWithAReadingAsync();
        StoreFolder.Scalar(file, "PRAGMA user_version = -3");

        var exception = await RefusedUnchangedAsync(file, readOnly);

        Assert.Equal(
            (BalanceStoreErrorKind.Damaged, $"{file} is damaged: its schema version, -3, is none that balances writes."),
            (exception.Kind, exception.Message));
    }

    // VACUUM INTO leaves a copy in rollback-journal mode; opening it to write switches it to WAL, which writes its header.
    [Fact]
    public async Task OpenAsync_DamagedStoreInRollbackJournalMode_IsRefusedUnchanged()
    {
        var file = await _folder.StoreWithAReadingAsync();
        StoreFolder.Scalar(file, "PRAGMA journal_mode = DELETE");
        var row = StoreFolder.LastSeriesRow(file);
        StoreFolder.WriteByte(file, row, 0xFF);

        var exception = await RefusedUnchangedAsync(file);

        Assert.Equal(BalanceStoreErrorKind.Damaged, exception.Kind);
        Assert.StartsWith($"{file} is damaged: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_UndamagedStoreInRollbackJournalMode_IsOpenedInWalMode()
    {
        var file = await _folder.StoreWithAReadingAsync();
        StoreFolder.Scalar(file, "PRAGMA journal_mode = DELETE");

        await using var store = await BalanceStore.OpenAsync(file);

        Assert.Equal("wal", StoreFolder.Scalar(file, "PRAGMA journal_mode"));
        Assert.Equal(2, (await store.ReadAsync().ToListAsync()).Count);
    }

    [Fact]
    public void ToString_Refusal_IsOneLineWithoutSqlitesText()
    {
        var exception = new BalanceStoreException(
            "/x/balances.db", BalanceStoreErrorKind.Damaged, "/x/balances.db is damaged.", new SqliteException("malformed\nat page 3", 11));

        Assert.Equal("BalanceClients.History.BalanceStoreException: /x/balances.db is damaged.", exception.ToString());
    }

    private static Task<BalanceStore> Open(string file, bool readOnly) =>
        readOnly ? BalanceStore.OpenReadOnlyAsync(file) : BalanceStore.OpenAsync(file);

    // Opens the file (to write, or read-only), expecting a refusal; then checks that the folder holds the same files with the same bytes.
    private async Task<BalanceStoreException> RefusedUnchangedAsync(string file, bool readOnly = false, UnixFileMode? restore = null)
    {
        var before = Snapshot(restore is null ? null : file, restore);
        var exception = await Assert.ThrowsAsync<BalanceStoreException>(() => Open(file, readOnly));
        Assert.Equal(before, Snapshot(restore is null ? null : file, restore));
        Assert.Equal(file, exception.Path);
        Assert.DoesNotContain('\n', exception.Message);
        return exception;
    }

    // Each file's name and bytes; a file the test made unreadable is made readable for the reading, then put back.
    private List<(string Name, string Sha256)> Snapshot(string? unreadable, UnixFileMode? readable)
    {
        var mode = unreadable is null ? UnixFileMode.None : File.GetUnixFileMode(unreadable);
        if (unreadable is not null)
        {
            File.SetUnixFileMode(unreadable, readable!.Value);
        }

        try
        {
            return _folder.Hashes();
        }
        finally
        {
            if (unreadable is not null)
            {
                File.SetUnixFileMode(unreadable, mode);
            }
        }
    }
}
