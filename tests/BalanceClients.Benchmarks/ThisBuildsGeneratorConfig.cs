using BalanceClients.Providers;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace BalanceClients.Benchmarks;

/// <summary>
/// The default job, built with the ClientGenerator of this build (BenchmarkDotNet builds a project of its own, which would
/// otherwise take the default) and named after it, so that a report says which generated clients the unified layer ran on.
/// That build compiles the library again: on 2 busy cores it takes longer than BenchmarkDotNet's default two minutes.
/// </summary>
public sealed class ThisBuildsGeneratorConfig : ManualConfig
{
    public ThisBuildsGeneratorConfig()
    {
        AddJob(Job.Default.WithArguments([new MsBuildArgument($"/p:ClientGenerator={GeneratedClients.Generator}")])
            .WithId(GeneratedClients.Generator));
        WithBuildTimeout(TimeSpan.FromMinutes(20));
    }
}
