using BalanceClients.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BalanceClients.Tests.Monitoring;

public sealed class BalanceMonitorOptionsTests
{
    [Fact]
    public void Configuration_BindsTheIntervals()
    {
        var options = Options(new()
        {
            ["Balances:Monitor:Interval"] = "00:01:00",
            ["Balances:Monitor:ProviderIntervals:mesh"] = "00:30:00",
        });

        Assert.Equal(
            (TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1)),
            (options.Interval, options.IntervalOf("MESH"), options.IntervalOf("telnyx")));
    }

    [Theory]
    [InlineData("Balances:Monitor:Interval", "00:00:09", "Balances:Monitor:Interval must be between 10 seconds and 1 day.")]
    [InlineData("Balances:Monitor:Interval", "2.00:00:00", "Balances:Monitor:Interval must be between 10 seconds and 1 day.")]
    [InlineData(
        "Balances:Monitor:ProviderIntervals:twilio", "00:05:00", "Balances:Monitor:ProviderIntervals:twilio is not a known provider")]
    [InlineData("Balances:Monitor:Interval", "300", "Balances:Monitor:Interval '300' is a number of days to .NET")]
    [InlineData("Balances:Monitor:Interval", "soon", "Balances:Monitor:Interval is not a valid time span")]
    public void WrongInterval_IsOneLineNamingTheKey(string key, string value, string message)
    {
        var exception = Record.Exception(() => Options(new() { [key] = value }));

        var text = exception is OptionsValidationException validation ? validation.Failures.First() : exception?.Message;
        Assert.StartsWith(message, text, StringComparison.Ordinal);
    }

    private static BalanceMonitorOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddBalanceMonitor(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<BalanceMonitorOptions>>().Value;
    }
}
