using BalanceClients.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BalanceClients.Tests.Notifications;

/// <summary>The notification options as <c>AddBalanceNotifications(configuration)</c> binds and validates them.</summary>
internal static class ConfiguredNotifications
{
    /// <summary>The options from configuration keys and the contract's variables; throws what a host would at start.</summary>
    public static BalanceNotificationOptions Options(Dictionary<string, string?> settings, Dictionary<string, string?> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddBalanceEnvironmentVariables(environment)
            .Build();
        using var provider = new ServiceCollection().AddBalanceNotifications(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<BalanceNotificationOptions>>().Value;
    }
}
