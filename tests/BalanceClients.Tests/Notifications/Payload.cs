namespace BalanceClients.Tests.Notifications;

/// <summary>Expected payloads, written over several lines of a raw string for the reader, and compared as the one line they are.</summary>
internal static class Payload
{
    /// <summary>The lines joined with nothing between them.</summary>
    public static string OneLine(string lines) => lines.ReplaceLineEndings(string.Empty);
}
