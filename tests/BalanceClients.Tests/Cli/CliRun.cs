using System.Diagnostics;
using BalanceClients.Cli;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Cli;

/// <summary>One run of <c>balances</c>: its exit status and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs the tool in-process, with the given environment instead of the process's.</summary>
    public static async Task<CliRun> InProcessAsync(IReadOnlyDictionary<string, string?> environment, bool isTerminal, params string[] args)
    {
        using var output = new MemoryStream();
        return await InProcessAsync(output, environment, isTerminal, CancellationToken.None, args);
    }

    /// <summary>Runs the tool in-process on a given clock, with the given environment instead of the process's.</summary>
    public static async Task<CliRun> InProcessAsync(
        IReadOnlyDictionary<string, string?> environment, TimeProvider clock, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, environment, isTerminal: false) { Clock = clock };
        var exitCode = await BalancesCommand.RunAsync(args, console, CancellationToken.None);
        return new CliRun(exitCode, System.Text.Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    /// <summary>Runs the tool in-process, redirected into the given standard output (one that fails, say), until cancelled.</summary>
    public static async Task<CliRun> InProcessAsync(
        MemoryStream output,
        IReadOnlyDictionary<string, string?> environment,
        bool isTerminal,
        CancellationToken cancellationToken,
        params string[] args)
    {
        using var error = new StringWriter();
        var exitCode = await BalancesCommand.RunAsync(args, new CliConsole(output, error, environment, isTerminal), cancellationToken);
        return new CliRun(exitCode, System.Text.Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    /// <summary>The trait that marks the tests that run the tool as a process: CI runs them again against the Native AOT binary.</summary>
    public const string Category = "Category";

    /// <summary>The value of <see cref="Category"/> for tests that run the tool as a process.</summary>
    public const string RunsAsAProcess = "RunsAsAProcess";

    /// <summary>The environment variable naming a native <c>balances</c> executable to run instead of <c>dotnet balances.dll</c>.</summary>
    public const string ExecutableVariable = "BALANCES_EXECUTABLE";

    /// <summary>
    /// Runs the built tool as a real process, with only the given environment variables besides the basics: <c>dotnet balances.dll</c>,
    /// or the executable <see cref="ExecutableVariable"/> names (the Native AOT binary, in CI).
    /// </summary>
    public static Task<CliRun> ProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ProcessAsync(CliProcessOptions.Default, environment, args);

    /// <summary>Runs the built tool as a real process, started as the options say; see the other overload.</summary>
    public static async Task<CliRun> ProcessAsync(
        CliProcessOptions options, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var run = await ToolRun.RunAsync(StartInfo(options, environment, args), "balances " + string.Join(' ', args));
        return new CliRun(run.ExitCode, run.Out, run.Error);
    }

    /// <summary>How <c>ProcessAsync</c> starts the tool.</summary>
    public static ProcessStartInfo StartInfo(
        CliProcessOptions options, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        List<string> command = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } executable
            ? [executable, .. args]
            : ["dotnet", Path.Combine(AppContext.BaseDirectory, "balances.dll"), .. args];
        if (options.AsAnyUser && Environment.UserName == "root")
        {
            command.InsertRange(0, ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]);
        }

        if (options.ShellSuffix is { } suffix)
        {
            command.InsertRange(0, ["bash", "-c", $"\"$@\" {suffix}; exit ${{PIPESTATUS[0]}}", "balances"]);
        }

        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name is not ("PATH" or "HOME" or "DOTNET_ROOT" or "TMPDIR" or "LANG"))
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
