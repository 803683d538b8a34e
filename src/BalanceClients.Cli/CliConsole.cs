namespace BalanceClients.Cli;

/// <summary>What the tool reads from and writes to: its streams, its environment and whether it talks to a terminal.</summary>
/// <param name="Out">Standard output: the report, nothing else.</param>
/// <param name="Error">Standard error: diagnostics.</param>
/// <param name="Environment">The environment variables.</param>
/// <param name="IsTerminal">Whether standard output is a terminal (not redirected).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Environment, bool IsTerminal)
{
    /// <summary>Whether colour is wanted: on a terminal, unless <c>NO_COLOR</c> is set.</summary>
    public bool UseColor => IsTerminal && string.IsNullOrEmpty(Environment.GetValueOrDefault("NO_COLOR"));

    /// <summary>The process's own console.</summary>
    /// <returns>The console.</returns>
    public static CliConsole FromProcess() => new(
        Console.Out,
        Console.Error,
        System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal),
        !Console.IsOutputRedirected);
}
