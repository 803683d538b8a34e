namespace BalanceClients.Tests.Cli;

/// <summary>How <see cref="CliRun.ProcessAsync(CliProcessOptions, IReadOnlyDictionary{string, string}, string[])"/> starts the tool.</summary>
/// <param name="Redirection">
/// Shell redirections of the tool's streams, as a user would type them after the command (<c>&gt;&amp;-</c>,
/// <c>&gt; /dev/full</c>, <c>| head -1</c>); the run's exit status is still the tool's own.
/// </param>
/// <param name="AsAnyUser">
/// Whether file permissions apply to the tool as to any user: when the tests run as root, the tool runs without root's power
/// to read every file.
/// </param>
internal sealed record CliProcessOptions(string? Redirection = null, bool AsAnyUser = false)
{
    /// <summary>Standard output and error are pipes that the test reads.</summary>
    public static CliProcessOptions Default { get; } = new();
}
