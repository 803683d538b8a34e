using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// Checks FsCheck properties from one seed per test run: fixed in CI (<c>CI=true</c>), so that CI tries the same cases every time;
/// random elsewhere, so that local runs explore; <c>FSCHECK_SEED</c> replays a run. Every check prints its seed to the test's
/// output, and a failure's message carries it.
/// </summary>
internal static class SeededCheck
{
    /// <summary>The environment variable that replays a seed.</summary>
    public const string SeedVariable = "FSCHECK_SEED";

    private const ulong CiSeed = 20_261_122;

    private static readonly Lazy<(ulong Value, string Origin)> Seed = new(ChooseSeed);

    /// <summary>Checks <paramref name="property"/> as <c>Check.One</c> does, from this run's seed.</summary>
    /// <exception cref="XunitException">The property failed; the message says how to replay it.</exception>
    public static void One<TProperty>(ITestOutputHelper output, Config config, TProperty property)
    {
        var (seed, origin) = Seed.Value;
        var replay = $"replay with {SeedVariable}={seed}";
        output.WriteLine($"FsCheck seed {seed} ({origin}); {replay}");
        try
        {
            Check.One(config.WithReplay(new Replay(new Rnd(seed), FSharpOption<int>.None)), property);
        }
        catch (Exception failure) when (failure is not XunitException)
        {
            throw new XunitException($"The property failed from FsCheck seed {seed} ({origin}); {replay}.\n{failure.Message}", failure);
        }
    }

    private static (ulong Value, string Origin) ChooseSeed()
    {
        var given = Environment.GetEnvironmentVariable(SeedVariable);
        if (!string.IsNullOrEmpty(given))
        {
            return ulong.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                ? (seed, "from " + SeedVariable)
                : throw new InvalidOperationException($"{SeedVariable} must be a whole number from 0 to {ulong.MaxValue}, not '{given}'.");
        }

        return Environment.GetEnvironmentVariable("CI") is "1" or "true" or "True"
            ? (CiSeed, "fixed in CI")
            : ((ulong)Random.Shared.NextInt64(), "random");
    }
}
