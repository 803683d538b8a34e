namespace BalanceClients.History;

/// <summary>What every store asks of a reading before it writes it.</summary>
internal static class StoredReadingRules
{
    /// <summary>What is wrong with a reading, if anything.</summary>
    /// <param name="reading">The reading.</param>
    /// <param name="number">Its number in its sequence, from 1, for the message.</param>
    /// <returns>The message, or <see langword="null"/> for a reading that may be written.</returns>
    public static string? Problem(StoredReading? reading, int number)
    {
        if (reading is null)
        {
            return $"Reading {number} is null.";
        }

        var fields = new[]
        {
            ("provider", reading.Provider), ("account", reading.Account), ("kind", reading.Kind), ("currency", reading.Currency),
        };
        foreach (var (name, value) in fields)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return $"Reading {number} has no {name}.";
            }
        }

        return reading.Time < DateTimeOffset.UnixEpoch ? $"Reading {number} is dated before 1970." : null;
    }
}
