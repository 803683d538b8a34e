namespace BalanceClients.Cli.History;

/// <summary>The formats of <c>balances history --format</c>.</summary>
internal enum HistoryFormat
{
    /// <summary>One line per series: latest, lowest and highest amount, a sparkline and the number of readings (the default on a
    /// terminal).</summary>
    Table,

    /// <summary><c>{"readings": [...]}</c>, amounts as exact JSON numbers (the default when redirected).</summary>
    Json,

    /// <summary><c>time,provider,account,kind,currency,amount</c>, the form <c>--import</c> reads.</summary>
    Csv,
}
