using System.Runtime.InteropServices;

namespace BalanceClients.History;

/// <summary>What a thinned read covers (<see cref="BalanceStore.ReadThinnedAsync"/>), in Unix milliseconds.</summary>
/// <param name="Since">Readings at or after this time.</param>
/// <param name="Until">Readings before this time.</param>
/// <param name="Resolution">The length of a span, counted from 1970; each series gives its last reading with an amount in each.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct ThinnedRange(long Since, long Until, long Resolution);
