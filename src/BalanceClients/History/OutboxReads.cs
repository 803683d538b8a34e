using System.Data.Common;

namespace BalanceClients.History;

/// <summary>The reads of the outbox that both engines run alike, each on its own driver's command.</summary>
internal static class OutboxReads
{
    /// <summary>The level and runway level a command's first row holds (<c>level, runway_level</c>).</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The levels; <see langword="null"/> when there is no row.</returns>
    public static async Task<(string Level, string RunwayLevel)?> LevelsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>The outbox rows a command selects, in the order of <see cref="OutboxRow"/>'s members.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The rows.</returns>
    public static async Task<IReadOnlyList<OutboxRow>> RowsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt64(7), reader.GetInt32(8), reader.GetInt64(9)));
        }

        return rows;
    }

    /// <summary>The receivers and counts a command selects (<c>receiver, count</c>).</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The rows.</returns>
    public static async Task<IReadOnlyList<(string Receiver, int Waiting)>> CountsAsync(
        DbCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<(string, int)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add((reader.GetString(0), checked((int)reader.GetInt64(1))));
        }

        return counts;
    }
}
