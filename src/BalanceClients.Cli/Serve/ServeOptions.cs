using System.CommandLine;
using System.Globalization;

namespace BalanceClients.Cli.Serve;

/// <summary>The options of <c>balances serve</c>.</summary>
internal sealed class ServeOptions
{
    /// <summary>The address served when <c>--listen</c> is not given.</summary>
    public const string DefaultListen = "127.0.0.1:9477";

    public Option<ListenAddress> Listen { get; } = new("--listen")
    {
        Description = $"The address to serve on, HOST:PORT (default {DefaultListen}; "
            + "[::1]:PORT for IPv6, 0.0.0.0:PORT for every interface).",
        HelpName = "HOST:PORT",
        DefaultValueFactory = _ => ListenAddress.Parse(DefaultListen)!,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (ListenAddress.Parse(text) is { } address)
            {
                if (address is { Host: null, Port: 0 })
                {
                    result.AddError($"--listen {CliText.Quote(text)}: port 0 (any free one) needs an IP address, such as 127.0.0.1:0 "
                        + "(localhost is two addresses, and each would get a port of its own).");
                }

                return address;
            }

            result.AddError($"--listen {CliText.Quote(text)}: HOST:PORT is needed, with a port from 0 (any free one) to 65535.");
            return null;
        },
    };

    public Option<TimeSpan?> Interval { get; } = new("--interval")
    {
        Description = "How often each account is checked, in seconds, at least 10 (default: Balances:Monitor:Interval, else 300).",
        HelpName = "SECONDS",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && double.IsFinite(seconds) && seconds >= 10 && seconds <= 86_400)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            result.AddError($"--interval {CliText.Quote(text)}: a number of seconds from 10 to 86400 is needed.");
            return null;
        },
    };

    public ThresholdOptions Thresholds { get; } = new(("/health Degraded", "/health Unhealthy"));

    public Option<bool> Demo { get; } = new("--demo")
    {
        Description = "Monitor built-in fake providers on 127.0.0.1 with demo credentials; needs no network and no configuration.",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Read settings from a JSON file too (a \"Balances\" section: providers, accounts, thresholds, monitor).",
        HelpName = "FILE",
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log every check and request, not only failures, to standard error.",
    };

    public StoreOptions Store { get; } = new(recording: true);

    public Option<string?> TlsCertificate { get; } = new("--tls-cert")
    {
        Description = "Serve HTTPS with this PEM certificate (and the chain after it), with --tls-key "
            + "(default: Balances:Serve:TlsCertificate).",
        HelpName = "FILE",
    };

    public Option<string?> TlsKey { get; } = new("--tls-key")
    {
        Description = "The PEM private key of --tls-cert (default: Balances:Serve:TlsKey).",
        HelpName = "FILE",
    };

    public Option<string?> TokenFile { get; } = new("--token-file")
    {
        Description = "Require the token this file holds (trimmed) on every endpoint but /healthz and /readyz, as a bearer token "
            + "or as the password of basic authentication (default: Balances:Serve:TokenFile).",
        HelpName = "FILE",
    };

    public IEnumerable<Option> All =>
        [Listen, Interval, .. Thresholds.All, Demo, Config, .. Store.All, TlsCertificate, TlsKey, TokenFile, Verbose];
}
