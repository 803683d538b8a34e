namespace BalanceClients.Configuration;

/// <summary>How the options' validators collect their one-line failures.</summary>
internal static class ValidationFailures
{
    /// <summary>Whether a time span is within a range, both ends included.</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The least value accepted.</param>
    /// <param name="max">The greatest value accepted.</param>
    /// <returns>Whether it is.</returns>
    public static bool InRange(TimeSpan value, TimeSpan min, TimeSpan max) => value >= min && value <= max;

    /// <summary>Adds a failure unless a condition holds.</summary>
    /// <param name="failures">The failures.</param>
    /// <param name="condition">What must hold.</param>
    /// <param name="message">The failure when it does not.</param>
    public static void Add(List<string> failures, bool condition, string message)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
