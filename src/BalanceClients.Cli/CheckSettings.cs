using BalanceClients.Cli.Output;

namespace BalanceClients.Cli;

/// <summary>The options of one <c>balances check</c>, parsed and checked.</summary>
/// <param name="Format">The output format.</param>
/// <param name="Providers">Only these provider ids; empty for all configured.</param>
/// <param name="Thresholds">The <c>--warn</c> and <c>--min</c> thresholds, in the order given; they win over configured ones.</param>
/// <param name="Timeout">The whole check's deadline given by <c>--timeout</c>, or <see langword="null"/> for the configured one.</param>
/// <param name="Demo">Whether to check the built-in fake providers.</param>
/// <param name="AccountsFile">The JSON Lines file of accounts, if any.</param>
/// <param name="ConfigFile">A JSON configuration file, if any.</param>
/// <param name="Store">
/// The store of readings; <see langword="null"/> for none (<c>--no-store</c>, or a demo without <c>--store</c>).
/// </param>
/// <param name="Record">Whether to record the results (<c>--record</c>).</param>
/// <param name="Verbose">Whether to log to standard error.</param>
/// <param name="LogFormat">How the log lines are written.</param>
internal sealed record CheckSettings(
    OutputFormat Format,
    IReadOnlyList<string> Providers,
    IReadOnlyList<BalanceThreshold> Thresholds,
    TimeSpan? Timeout,
    bool Demo,
    string? AccountsFile,
    string? ConfigFile,
    StoreLocation? Store,
    bool Record,
    bool Verbose,
    LogFormat LogFormat);
