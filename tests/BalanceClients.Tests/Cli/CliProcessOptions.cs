namespace BalanceClients.Tests.Cli;

/// <summary>
/// How <see cref="CliRun.ProcessAsync(CliProcessOptions, IReadOnlyDictionary{string, string}, string[])"/> starts the tool.
/// </summary>
/// <param name="ShellSuffix">
/// What a user would type after the command in bash: redirections of the tool's streams (<c>&gt;&amp;-</c>, <c>&gt; /dev/full</c>,
/// <c>| head -1</c>) or arguments only a shell gives (<c>--accounts &lt;(...)</c>); the run's exit status is still the tool's own.
/// </param>
/// <param name="AsAnyUser">
/// Whether file permissions apply to the tool as to any user: when the tests run as root, the tool runs without root's power
/// to read every file.
/// </param>
internal sealed record CliProcessOptions(string? ShellSuffix = null, bool AsAnyUser = false)
{
    /// <summary>Standard output and error are pipes that the test reads.</summary>
    public static CliProcessOptions Default { get; } = new();
}
