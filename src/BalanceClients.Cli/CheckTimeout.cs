using System.Globalization;

namespace BalanceClients.Cli;

/// <summary>The range of a check's deadline: what <c>--timeout</c> and <c>Balances:Timeout</c> may be.</summary>
internal static class CheckTimeout
{
    /// <summary>The shortest deadline: 1 ms, the resolution of the timer behind it.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(1);

    /// <summary>The longest deadline: 1 day, as for <c>Balances:Timeout</c>.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(1);

    /// <summary>Parses a number of seconds (<c>30</c>, <c>0.5</c>, <c>1e3</c>) and checks its range.</summary>
    /// <param name="text">The text.</param>
    /// <param name="timeout">The deadline, when valid.</param>
    /// <param name="error">Why it is not, otherwise.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool TryParse(string text, out TimeSpan timeout, out string error)
    {
        timeout = default;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            error = "a number of seconds is needed.";
            return false;
        }

        if (seconds < Minimum.TotalSeconds || seconds > Maximum.TotalSeconds)
        {
            error = $"the deadline must be between {Minimum.TotalSeconds.ToString(CultureInfo.InvariantCulture)} and "
                + $"{Maximum.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.";
            return false;
        }

        timeout = TimeSpan.FromSeconds(seconds);
        error = string.Empty;
        return true;
    }
}
