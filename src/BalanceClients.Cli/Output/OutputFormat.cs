namespace BalanceClients.Cli.Output;

/// <summary>The formats of <c>balances check --format</c>.</summary>
internal enum OutputFormat
{
    /// <summary>A table for people (the default on a terminal).</summary>
    Table,

    /// <summary>The contract's JSON document; JSON Lines for <c>--accounts</c> (the default when redirected).</summary>
    Json,

    /// <summary>Prometheus text exposition format.</summary>
    Prometheus,
}
