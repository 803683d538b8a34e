using System.Globalization;
using BalanceClients.Configuration;

namespace BalanceClients.Cli;

/// <summary>The range of a check's deadline: what <c>--timeout</c> and <c>Balances:Timeout</c> may be.</summary>
internal static class CheckTimeout
{
    /// <summary>The shortest deadline: 1 ms, the resolution of the timer behind it.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(1);

    /// <summary>The longest deadline a <see cref="CancellationTokenSource"/> accepts (about 49.7 days).</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

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

    /// <summary>Checks a deadline that came from configuration.</summary>
    /// <param name="timeout">The deadline.</param>
    /// <exception cref="BalanceConfigurationException">It is longer than <see cref="Maximum"/>.</exception>
    public static void CheckConfigured(TimeSpan timeout)
    {
        // The library checks the lower end; a longer deadline than a timer takes would fail when the check starts.
        if (timeout > Maximum)
        {
            throw new BalanceConfigurationException(
                $"Balances:Timeout must be at most {Maximum.ToString("c", CultureInfo.InvariantCulture)}.");
        }
    }
}
