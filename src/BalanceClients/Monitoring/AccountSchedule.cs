namespace BalanceClients.Monitoring;

/// <summary>One account's place in a monitor's schedule: when it is due, whether a check is running, its latest reading.</summary>
/// <param name="account">The account.</param>
/// <param name="due">When its first check is due.</param>
internal sealed class AccountSchedule(BalanceAccount account, DateTimeOffset due)
{
    private readonly Dictionary<string, long> _checks = new(StringComparer.Ordinal);

    /// <summary>The account, as configured now (its credentials may change when the configuration does).</summary>
    public BalanceAccount Account { get; set; } = account;

    /// <summary>When its next check is due.</summary>
    public DateTimeOffset Due { get; private set; } = due;

    /// <summary>Whether a check of it is running; there is never more than one.</summary>
    public bool InFlight { get; set; }

    /// <summary>How long after its due time its latest check ended.</summary>
    public TimeSpan Lag { get; private set; }

    /// <summary>
    /// How far behind its schedule the account is: while a check is due or running, how long past its due time; otherwise how
    /// long after its due time its latest check ended (its duration included, and any wait for a rate limit).
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>The lag, never negative.</returns>
    public TimeSpan LagAt(DateTimeOffset now) => now >= Due ? now - Due : Lag;

    /// <summary>How many checks in a row have failed.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>The latest reading, once a check has ended.</summary>
    public BalanceReading? Reading { get; private set; }

    /// <summary>Goes on from a reading another process made (the leader before this one), with its counts of checks.</summary>
    /// <param name="reading">The reading.</param>
    /// <param name="due">When the next check is due.</param>
    public void Resume(BalanceReading reading, DateTimeOffset due)
    {
        foreach (var (outcome, count) in reading.CheckCounts)
        {
            _checks[outcome] = count;
        }

        ConsecutiveFailures = reading.IsStale ? 1 : 0;
        Reading = reading;
        Due = due;
    }

    /// <summary>Takes a check's result and schedules the next check.</summary>
    /// <param name="result">The result.</param>
    /// <param name="now">When the check ended.</param>
    /// <param name="interval">The account's interval.</param>
    /// <param name="random">A number in [0, 1) that picks the jitter.</param>
    /// <returns>The new reading.</returns>
    public BalanceReading Complete(BalanceCheckResult result, DateTimeOffset now, TimeSpan interval, double random)
    {
        ConsecutiveFailures = result.IsSuccess ? 0 : ConsecutiveFailures + 1;
        _checks[result.Outcome] = _checks.GetValueOrDefault(result.Outcome) + 1;
        Reading = new BalanceReading(result, result.Balance ?? Reading?.LastGood, now)
        {
            CheckCounts = new Dictionary<string, long>(_checks, StringComparer.Ordinal),
        };
        Lag = now > Due ? now - Due : TimeSpan.Zero;
        Due = now + NextWait(interval, ConsecutiveFailures, result.Error?.RetryAfter, random);
        InFlight = false;
        return Reading;
    }

    /// <summary>
    /// The wait before the next check: the interval, jittered; doubled for each failure in a row after the first, up to
    /// <see cref="MonitorDefaults.MaxBackoffIntervals"/> intervals; never shorter than the provider's <c>Retry-After</c>, which is
    /// honoured up to that longest backoff (a provider cannot stop an account's checks for days).
    /// </summary>
    /// <param name="interval">The account's interval.</param>
    /// <param name="consecutiveFailures">How many checks in a row have failed.</param>
    /// <param name="retryAfter">The provider's <c>Retry-After</c>, if any.</param>
    /// <param name="random">A number in [0, 1) that picks the jitter.</param>
    /// <returns>The wait.</returns>
    public static TimeSpan NextWait(TimeSpan interval, int consecutiveFailures, TimeSpan? retryAfter, double random)
    {
        var backoff = consecutiveFailures <= 1
            ? 1
            : Math.Min(1 << Math.Min(consecutiveFailures - 1, 30), MonitorDefaults.MaxBackoffIntervals);
        var wait = interval * backoff * (1 + (MonitorDefaults.Jitter * ((2 * random) - 1)));
        if (retryAfter is not { } asked || asked <= wait)
        {
            return wait;
        }

        var longest = interval * MonitorDefaults.MaxBackoffIntervals;
        return asked <= longest ? asked : TimeSpan.FromTicks(Math.Max(longest.Ticks, wait.Ticks));
    }
}
