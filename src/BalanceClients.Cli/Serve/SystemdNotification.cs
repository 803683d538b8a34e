using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace BalanceClients.Cli.Serve;

/// <summary>
/// <c>balances serve</c> as a systemd <c>Type=notify</c> service, through Microsoft.Extensions.Hosting.Systemd: <c>READY=1</c> once
/// the server listens (the host's ApplicationStarted), a <c>STATUS=</c> line with its address, <c>STOPPING=1</c> when it stops.
/// The package's own <c>UseSystemd</c> acts only when systemd is the parent process, and then replaces the console log's format;
/// here <c>NOTIFY_SOCKET</c> alone decides (a service manager need not be the parent), and the log stays as the tool writes it.
/// </summary>
internal static class SystemdNotification
{
    /// <summary>Notifies the service manager of <c>NOTIFY_SOCKET</c>, if the environment names one; otherwise changes nothing.</summary>
    /// <param name="services">The serve host's services.</param>
    public static void AddTo(IServiceCollection services)
    {
        var notifier = new SystemdNotifier();
        if (notifier.IsEnabled)
        {
            services.AddSingleton<ISystemdNotifier>(notifier);
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
    }

    /// <summary>Tells the service manager, if there is one, what the service is doing (<c>systemctl status</c> shows it).</summary>
    /// <param name="services">The serve host's services.</param>
    /// <param name="status">One line.</param>
    public static void Status(IServiceProvider services, string status) =>
        services.GetService<ISystemdNotifier>()?.Notify(new ServiceState("STATUS=" + status));
}
