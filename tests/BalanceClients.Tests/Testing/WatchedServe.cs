using System.Diagnostics;
using System.Text.RegularExpressions;
using BalanceClients.Tests.Cli;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// <c>balances serve</c> as a <see cref="ServerProcess"/>: started as <see cref="CliRun"/> starts the tool (the Native AOT executable
/// in CI's second pass), on the port it reports, and ending with the test process however that ends.
/// </summary>
internal static partial class WatchedServe
{
    /// <summary>Starts <c>balances serve</c> with these arguments (<c>--listen 127.0.0.1:0</c>, say) and waits until it serves.</summary>
    /// <exception cref="InvalidOperationException">It exited or did not serve in time; the message has its output.</exception>
    public static Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        StartAsync(CliRun.StartInfo(CliProcessOptions.Default, environment, ["serve", .. args]));

    /// <summary>Starts <c>balances serve</c> as <paramref name="start"/> says (another installation's) and waits until it serves.</summary>
    /// <exception cref="InvalidOperationException">It exited or did not serve in time; the message has its output.</exception>
    public static Task<ServerProcess> StartAsync(ProcessStartInfo start) => ServerProcess.StartAsync("balances serve", start, Serving());

    /// <summary>Waits until <c>/readyz</c> answers <c>200</c> (every account checked once), polled on real time with a deadline.</summary>
    /// <exception cref="TimeoutException">It did not within the tests' limit.</exception>
    public static Task WaitUntilReadyAsync(HttpClient http) =>
        Bounded.UntilAsync(
            async deadline =>
            {
                using var ready = await http.GetAsync("/readyz", deadline);
                return ready.IsSuccessStatusCode;
            },
            "balances serve to be ready");

    [GeneratedRegex(@"^balances: monitoring \d+ account\(s\), [^;]*; serving (?<address>https?://\S+) ")]
    private static partial Regex Serving();
}
