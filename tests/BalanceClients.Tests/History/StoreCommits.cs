using System.Buffers.Binary;
using Npgsql;

namespace BalanceClients.Tests.History;

/// <summary>
/// Counts, from outside the product, the transactions that committed in a store since counting started, of all or of those that
/// wrote one table: on SQLite from the write-ahead log, whose frames are the pages each transaction wrote up to its commit frame
/// (the log must not be restarted meanwhile: <see cref="CountAsync"/> says so if it was), a transaction of latest rows being one
/// that wrote a page holding a latest document (its <c>"CheckedAt"</c>), and any other one of readings; on PostgreSQL the distinct
/// transactions in which statements wrote readings or latest rows, which triggers of the test note.
/// </summary>
internal sealed class StoreCommits
{
    private readonly StorePlace _place;
    private readonly (uint Salt1, uint Salt2, int Commits) _start;

    private StoreCommits(StorePlace place, (uint Salt1, uint Salt2, int Commits) start)
    {
        _place = place;
        _start = start;
    }

    /// <summary>Starts counting on a store that is open (so that, on SQLite, its log is there).</summary>
    public static async Task<StoreCommits> StartAsync(StorePlace place)
    {
        if (place.Kind == StoreKind.Sqlite)
        {
            var (salt1, salt2, commits) = WalCommits(place.Location);
            return new StoreCommits(place, (salt1, salt2, commits.Count));
        }

        await using var connection = await place.Server!.ConnectAsync(place.Database!);
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE test_commits (txid bigint NOT NULL, name text NOT NULL);
            CREATE FUNCTION test_note_commit() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN INSERT INTO test_commits VALUES (txid_current(), TG_TABLE_NAME); RETURN NULL; END $$;
            CREATE TRIGGER test_readings AFTER INSERT ON balances_readings FOR EACH STATEMENT EXECUTE FUNCTION test_note_commit();
            CREATE TRIGGER test_latest AFTER INSERT OR UPDATE ON balances_latest FOR EACH STATEMENT EXECUTE FUNCTION test_note_commit();
            """,
            connection);
        await command.ExecuteNonQueryAsync();
        return new StoreCommits(place, (0, 0, 0));
    }

    /// <summary>How many transactions committed since <see cref="StartAsync"/>: all, or those that wrote a table.</summary>
    /// <param name="table"><c>latest</c> or <c>readings</c>; <see langword="null"/> for all.</param>
    public async Task<int> CountAsync(string? table = null)
    {
        if (_place.Kind == StoreKind.PostgreSql)
        {
            var name = table is null ? string.Empty : $" WHERE name = 'balances_{table}'";
            return Convert.ToInt32(
                await _place.Server!.ScalarAsync(_place.Database!, $"SELECT count(DISTINCT txid) FROM test_commits{name}"),
                System.Globalization.CultureInfo.InvariantCulture);
        }

        var (salt1, salt2, commits) = WalCommits(_place.Location);
        Assert.True(
            (salt1, salt2) == (_start.Salt1, _start.Salt2),
            "SQLite restarted its write-ahead log while commits were counted: the count would be wrong.");
        return commits.Skip(_start.Commits).Count(writesLatest => table switch
        {
            null => true,
            "latest" => writesLatest,
            _ => !writesLatest,
        });
    }

    // The log's salts and, of each transaction of the log's current run, whether it wrote a latest document, up to its commit frame
    // (one whose database size after the commit is not zero).
    private static (uint Salt1, uint Salt2, List<bool> Commits) WalCommits(string file)
    {
        byte[] wal;
        using (var stream = new FileStream(file + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            wal = new byte[stream.Length];
            stream.ReadExactly(wal);
        }

        var span = wal.AsSpan();
        var commits = new List<bool>();
        if (span.Length < 32)
        {
            return (0, 0, commits);
        }

        var frame = 24 + (int)BinaryPrimitives.ReadUInt32BigEndian(span[8..]);
        var (salt1, salt2) = (BinaryPrimitives.ReadUInt32BigEndian(span[16..]), BinaryPrimitives.ReadUInt32BigEndian(span[20..]));
        var writesLatest = false;
        for (var at = 32; at + frame <= span.Length; at += frame)
        {
            if (BinaryPrimitives.ReadUInt32BigEndian(span[(at + 8)..]) != salt1
                || BinaryPrimitives.ReadUInt32BigEndian(span[(at + 12)..]) != salt2)
            {
                break;
            }

            writesLatest |= span.Slice(at + 24, frame - 24).IndexOf("\"CheckedAt\""u8) >= 0;
            if (BinaryPrimitives.ReadUInt32BigEndian(span[(at + 4)..]) != 0)
            {
                commits.Add(writesLatest);
                writesLatest = false;
            }
        }

        return (salt1, salt2, commits);
    }
}
