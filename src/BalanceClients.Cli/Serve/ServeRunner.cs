using System.Net.Sockets;
using System.Runtime.InteropServices;
using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.History;
using BalanceClients.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceClients.Cli.Serve;

/// <summary>
/// Runs <c>balances serve</c>, a thin host: the library's monitor checks every account on its schedule, and a small Kestrel server
/// answers from its readings with <c>MapBalanceEndpoints()</c> (<c>/metrics</c>, <c>/api/v1/balances</c>, <c>/healthz</c>,
/// <c>/readyz</c>, <c>/health</c>) until SIGTERM or SIGINT, then stops cleanly and exits 0. What is the host's stays here: the
/// address, the connection limit, the logging, the shutdown.
/// </summary>
/// <param name="console">Where the tool writes.</param>
/// <param name="settings">The options.</param>
internal sealed class ServeRunner(CliConsole console, ServeSettings settings)
{
    private const int MaxConnections = 512;
    private const int MaxConnectionsPerAddress = 32;
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    /// <summary>Serves until the host is told to stop (a signal, or <paramref name="cancellationToken"/>).</summary>
    /// <param name="cancellationToken">Stops the server, as a signal would.</param>
    /// <returns>The exit status: 0 after a clean stop, 64 for a configuration mistake, 1 when the address cannot be served.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // From the first instant, not only once the host has started: a signal while starting stops it too, with exit 0.
        using var signalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        return await ServeAsync(signalled.Token).ConfigureAwait(false);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            signalled.Cancel();
        }
    }

    private async Task<int> ServeAsync(CancellationToken cancellationToken)
    {
        FakeProviderServer? demo = null;
        HttpsConnectionAdapterOptions? tls = null;
        try
        {
            if (settings.Demo)
            {
                demo = await CliConfiguration.StartDemoAsync(console, settings.ConfigFile, null, cancellationToken).ConfigureAwait(false);
            }

            var configuration = await CliConfiguration.ReadAsync(console, settings.ConfigFile, demo, cancellationToken)
                .ConfigureAwait(false);
            tls = ServeTls.Read(settings, configuration);
            var app = Build(configuration, tls, ServeToken.Read(settings, configuration));
            await using (app.ConfigureAwait(false))
            {
                var accounts = app.Services.GetRequiredService<IBalanceChecker>().Accounts;
                if (accounts.Count == 0)
                {
                    throw new BalanceConfigurationException(CliConfiguration.NoAccounts);
                }

                StartupMemory.ReleaseWhenReady(app.Services.GetRequiredService<IBalanceMonitor>());
                await StartAsync(app, cancellationToken).ConfigureAwait(false);
                var address = app.Services.GetRequiredService<IServer>().Features
                    .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
                var recording = settings.Store is { } store ? $"recording in {CliText.Quote(store.Display)}" : "recording nothing";
                var status = $"monitoring {accounts.Count} account(s), {recording}; serving {address}";
                await console.Error.WriteLineAsync(
                    $"balances: {status} (/, /metrics, /api/v1/balances, /healthz, /readyz, /health)").ConfigureAwait(false);
                SystemdNotification.Status(app.Services, status);
                console.Serving?.Invoke(app.Services);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A signal while starting stops the server as it would stop it serving.
            return ExitCodes.Ok;
        }
        catch (Exception exception) when (CliConfiguration.MistakeIn(exception) is { } mistake)
        {
            await console.Error.WriteLineAsync($"balances: {mistake}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            // Kestrel's own message repeats the address (in use), or the socket's is thrown as it is (not this machine's address).
            var reason = CliText.Reason(exception.InnerException ?? exception);
            await console.Error.WriteLineAsync(CannotServe(tls, reason)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        finally
        {
            if (demo is not null)
            {
                await demo.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private string CannotServe(HttpsConnectionAdapterOptions? tls, string reason) =>
        $"balances: cannot serve {(tls is null ? "http" : "https")}://{settings.Listen}: {reason}";

    // The monitor starts before the server binds its address: when that fails, the monitor's first checks are stopped
    // before the host is disposed under them, so that the one line RunAsync writes is all that is said.
    private static async Task StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private WebApplication Build(IConfigurationRoot configuration, HttpsConnectionAdapterOptions? tls, string? token)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // The host's own failure to start is reported in one line by RunAsync, not as a logged stack trace. The health check
        // service would log each unhealthy probe: a probe every second during an outage would flood the log with one line each.
        // With --verbose, every check (BalanceClients' Debug) and every request is logged. Polly's standard telemetry would log each
        // failed attempt with its exception's stack, which BalanceClients.Http says in one line.
        LogLineFormatter.AddTo(builder.Logging.ClearProviders(), settings.LogFormat)
            .SetMinimumLevel(settings.Verbose ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Polly", LogLevel.None)
            .AddFilter("BalanceClients", settings.Verbose ? LogLevel.Debug : LogLevel.Warning);
        OtlpExport.AddTo(builder, console.Environment);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        SystemdNotification.AddTo(builder.Services);
        if (tls is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, tls));

        builder.Services.AddSingleton(console.Clock);
        builder.Services.AddBalanceMonitor(configuration);
        if (settings.Store is { } store)
        {
            // Before the notifier: a reading is recorded, and its runway known, before anyone is told of it.
            builder.Services.AddBalanceHistory(configuration, history => history.Path = store.Path);
        }

        builder.Services.AddBalanceNotifications(configuration);
        builder.Services.Configure<BalanceCheckerOptions>(options =>
        {
            foreach (var threshold in settings.Thresholds)
            {
                options.Thresholds.Add(threshold);
            }
        });
        builder.Services.Configure<BalanceMonitorOptions>(options => options.Interval = settings.Interval ?? options.Interval);

        var app = builder.Build();
        app.MapBalanceEndpoints(endpoints => endpoints.Token = token);
        return app;
    }

    // Where and how the server listens: the host's part, not the endpoints'.
    private void Listen(KestrelServerOptions kestrel, HttpsConnectionAdapterOptions? tls)
    {
        // Each connection holds a file descriptor: past this many, Kestrel closes new ones at once, and the process keeps
        // the descriptors it needs for the providers, the store and the webhooks.
        kestrel.Limits.MaxConcurrentConnections = MaxConnections;

        // No one client keeps the probes out: an idle connection (before its first request, or between two) is closed after
        // IdleTimeout, headers that take longer than HeadersTimeout (a drip) close theirs, and one address holds at most
        // MaxConnectionsPerAddress connections, so that part of the MaxConnections is always left to the others.
        kestrel.Limits.KeepAliveTimeout = IdleTimeout;
        kestrel.Limits.RequestHeadersTimeout = HeadersTimeout;
        var perAddress = new ConnectionsPerAddress(MaxConnectionsPerAddress);
        Action<ListenOptions> configure = listen =>
        {
            listen.Use(perAddress.Apply);
            if (tls is not null)
            {
                listen.UseHttps(tls);
            }
        };
        if (settings.Listen.Host is { } host)
        {
            kestrel.Listen(host, settings.Listen.Port, configure);
        }
        else
        {
            kestrel.ListenLocalhost(settings.Listen.Port, configure);
        }
    }
}
