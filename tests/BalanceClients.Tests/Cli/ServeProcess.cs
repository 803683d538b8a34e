using System.Text.RegularExpressions;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Cli;

/// <summary>
/// <c>balances serve</c> as a real process (<c>dotnet balances.dll</c>, or the executable <see cref="CliRun.ExecutableVariable"/>
/// names), on the port it says it serves, with its store in a temporary folder of its own that goes on dispose.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;

    private ServeProcess(ServerProcess server, DirectoryInfo folder)
    {
        Server = server;
        _folder = folder;
    }

    /// <summary>The process.</summary>
    public ServerProcess Server { get; }

    /// <summary>Where it serves: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl => Server.BaseUrl;

    /// <summary>Starts <c>balances serve</c> with these arguments (<c>--listen 127.0.0.1:0</c>, say); returns once it serves.</summary>
    /// <exception cref="InvalidOperationException">It exited or did not serve in time; the message has its output.</exception>
    public static async Task<ServeProcess> StartAsync(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("balances-serve-test-");
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["BALANCES_STORE"] = Path.Combine(folder.FullName, "balances.db"),
                ["XDG_STATE_HOME"] = folder.FullName,
            };
            var server = await ServerProcess.StartAsync(
                "balances serve", CliRun.Command(["serve", .. args]), Serving(), start => CliRun.UseOnly(start, environment));
            return new ServeProcess(server, folder);
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [GeneratedRegex(@"^balances: monitoring \d+ account\(s\); serving http://(?<address>\S+) ")]
    private static partial Regex Serving();
}
