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

    /// <summary>Checks a deadline that came from configuration (<c>Balances:Timeout</c>), as the library read it.</summary>
    /// <param name="text">The setting as written, if it is set.</param>
    /// <param name="timeout">The deadline the library read from it.</param>
    /// <exception cref="BalanceConfigurationException">It is a bare number, or longer than <see cref="Maximum"/>.</exception>
    public static void CheckConfigured(string? text, TimeSpan timeout)
    {
        // TimeSpan reads "30" as 30 days: whoever wrote it meant seconds, and would wait a month for a provider that hangs.
        if (text is not null && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw new BalanceConfigurationException(
                $"Balances:Timeout {CliText.Quote(text)} is a number of days to .NET: write a time span, 00:00:30 for 30 seconds.");
        }

        // The library checks the lower end; a longer deadline than a timer takes would fail when the check starts.
        if (timeout > Maximum)
        {
            throw new BalanceConfigurationException(
                $"Balances:Timeout must be at most {Maximum.ToString("c", CultureInfo.InvariantCulture)}.");
        }
    }
}
