using System.Globalization;

namespace BalanceClients.Cli.History;

/// <summary><c>--since DURATION</c>: a whole number and a unit, <c>90s</c>, <c>30m</c>, <c>12h</c>, <c>7d</c> or <c>2w</c>.</summary>
internal static class SinceDuration
{
    /// <summary>The most digits a duration has: 999999 weeks is about 19,000 years, inside what a time span holds.</summary>
    private const int MaxDigits = 6;

    /// <summary>The form, as messages describe it.</summary>
    public const string Form = "a whole number from 1 to 999999 and a unit, s, m, h, d or w (90s, 30m, 12h, 7d, 2w)";

    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text.</param>
    /// <param name="duration">The duration, when valid.</param>
    /// <returns>Whether the text is a duration of more than zero.</returns>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text.Length < 2 || text.Length > MaxDigits + 1 || text.AsSpan(0, text.Length - 1).ContainsAnyExceptInRange('0', '9')
            || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count == 0)
        {
            return false;
        }

        TimeSpan? unit = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            _ => null,
        };
        duration = unit * count ?? TimeSpan.Zero;
        return unit is not null;
    }

    /// <summary>The start of the window that ends now and lasts <paramref name="duration"/>.</summary>
    /// <param name="now">Now.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>The start; <see langword="null"/> when it is before 1970, which every reading comes after.</returns>
    public static DateTimeOffset? Start(DateTimeOffset now, TimeSpan duration) =>
        duration >= now - DateTimeOffset.UnixEpoch ? null : now - duration;
}
