using BalanceClients.Tests.Cli;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// A test of the Native AOT executable itself: skipped, saying so, unless <c>BALANCES_EXECUTABLE</c> names one, as it does in the
/// second pass of <c>.ci/run</c> (the tests that run the tool as a process, against the native executable).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FactWhenNativeExecutableAttribute : FactAttribute
{
    public FactWhenNativeExecutableAttribute()
    {
        if (ExecutableAlone.Original is null)
        {
            Skip = $"{CliRun.ExecutableVariable} names no Native AOT executable (.ci/run's second pass names the published one)";
        }
    }
}
