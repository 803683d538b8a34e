using System.Net.Http.Headers;

namespace BalanceClients.Http;

/// <summary>Reads a <c>Retry-After</c> header, in seconds or as an HTTP date.</summary>
internal static class RetryAfter
{
    /// <summary>How long the answer asks to wait, if it says.</summary>
    /// <param name="header">The header, if any.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The wait, never negative; <see langword="null"/> if the answer does not say.</returns>
    public static TimeSpan? Of(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
