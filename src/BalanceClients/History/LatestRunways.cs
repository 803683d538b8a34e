using System.Collections.Immutable;

namespace BalanceClients.History;

/// <summary>
/// The latest runway of each account whose readings are recorded: set by the recorder of
/// <c>AddBalanceHistory</c> after each reading, read by the health check and by whoever serves the readings, without
/// touching the store. A single instance per application; safe to read from any thread.
/// </summary>
public sealed class LatestRunways
{
    private ImmutableDictionary<(string Provider, string Account), BalanceRunway> _runways =
        ImmutableDictionary.Create<(string Provider, string Account), BalanceRunway>();

    /// <summary>
    /// Every known runway, by provider id and account name: an immutable snapshot, replaced (a new reference) by each change.
    /// </summary>
    public IReadOnlyDictionary<(string Provider, string Account), BalanceRunway> All => Volatile.Read(ref _runways);

    /// <summary>The runway of an account, or <see langword="null"/> when none is known.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <returns>The runway, if known.</returns>
    public BalanceRunway? Of(string provider, string account) => All.GetValueOrDefault((provider, account));

    /// <summary>Sets or clears the runway of an account.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="account">The account's name.</param>
    /// <param name="runway">The runway, or <see langword="null"/> when none is known any more.</param>
    public void Set(string provider, string account, BalanceRunway? runway)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(account);
        ImmutableInterlocked.Update(
            ref _runways,
            runways => runway is null ? runways.Remove((provider, account)) : runways.SetItem((provider, account), runway));
    }

    /// <summary>Sets or clears the runways of many accounts in one change: what a replica that follows read of the store.</summary>
    /// <param name="runways">Each account and its runway, or <see langword="null"/> when none is known any more.</param>
    internal void SetMany(IReadOnlyCollection<(string Provider, string Account, BalanceRunway? Runway)> runways)
    {
        if (runways.Count == 0)
        {
            return;
        }

        ImmutableInterlocked.Update(
            ref _runways,
            known =>
            {
                var builder = known.ToBuilder();
                foreach (var (provider, account, runway) in runways)
                {
                    if (runway is null)
                    {
                        builder.Remove((provider, account));
                    }
                    else
                    {
                        builder[(provider, account)] = runway;
                    }
                }

                return builder.ToImmutable();
            });
    }
}
