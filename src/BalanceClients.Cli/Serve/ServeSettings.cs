namespace BalanceClients.Cli.Serve;

/// <summary>The options of one <c>balances serve</c>, parsed and checked.</summary>
/// <param name="Listen">Where to listen.</param>
/// <param name="Interval">How often each account is checked, or <see langword="null"/> for the configured interval.</param>
/// <param name="Thresholds">The <c>--warn</c> and <c>--min</c> thresholds; they win over configured ones.</param>
/// <param name="Demo">Whether to monitor the built-in fake providers.</param>
/// <param name="ConfigFile">A JSON configuration file, if any.</param>
/// <param name="Store">Where readings are recorded; <see langword="null"/> for nowhere (<c>--no-store</c>, or a demo).</param>
/// <param name="Verbose">Whether to log every check, not only failures.</param>
/// <param name="LogFormat">How the log lines are written.</param>
/// <param name="TlsCertificate">The <c>--tls-cert</c> file, if given.</param>
/// <param name="TlsKey">The <c>--tls-key</c> file, if given.</param>
/// <param name="TokenFile">The <c>--token-file</c> file, if given.</param>
internal sealed record ServeSettings(
    ListenAddress Listen,
    TimeSpan? Interval,
    IReadOnlyList<BalanceThreshold> Thresholds,
    bool Demo,
    string? ConfigFile,
    StoreLocation? Store,
    bool Verbose,
    LogFormat LogFormat,
    string? TlsCertificate = null,
    string? TlsKey = null,
    string? TokenFile = null);
