using BalanceClients.Configuration;
using Microsoft.Extensions.Options;

namespace BalanceClients.Providers;

/// <summary>The current <see cref="ResolvedOptions"/>, resolved again only when the options change (a reloaded file, say).</summary>
/// <param name="monitor">The options.</param>
internal sealed class ResolvedOptionsMonitor(IOptionsMonitor<BalanceCheckerOptions> monitor)
{
    private ResolvedOptions? _current;

    /// <summary>The options as they stand now.</summary>
    public ResolvedOptions Current
    {
        get
        {
            var options = monitor.CurrentValue;
            var current = Volatile.Read(ref _current);
            if (current is null || !ReferenceEquals(current.Options, options))
            {
                current = ResolvedOptions.From(options);
                Volatile.Write(ref _current, current);
            }

            return current;
        }
    }
}
