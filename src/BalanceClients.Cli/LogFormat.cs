namespace BalanceClients.Cli;

/// <summary>How the tool writes its log lines on standard error (<c>--log-format</c>).</summary>
internal enum LogFormat
{
    /// <summary>One line per entry, as the simple console formatter's single-line form writes it (the default).</summary>
    Text,

    /// <summary>One JSON object per entry, as .NET's console JSON formatter writes it, with a UTC timestamp.</summary>
    Json,
}
