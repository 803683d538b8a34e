using System.Reflection;
using BalanceClients.Providers;

namespace BalanceClients.Tests.Providers;

/// <summary>The MSBuild property ClientGenerator decides which generated clients every provider adapter calls.</summary>
public sealed class GeneratedClientsTests
{
    [Fact]
    public void Adapters_ThisBuildsClientGenerator_IsTheOneEveryAdapterCalls()
    {
        var built = typeof(GeneratedClientsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ClientGenerator").Value;

        Assert.Equal(GeneratedClients.Generator, built);
        Assert.All(ProviderCatalog.All, provider =>
        {
            var call = provider.GetType()
                .GetProperty("Call", BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)!
                .GetValue(provider)!;
            Assert.EndsWith($"{built}Call", call.GetType().Name, StringComparison.Ordinal);
        });
    }
}
