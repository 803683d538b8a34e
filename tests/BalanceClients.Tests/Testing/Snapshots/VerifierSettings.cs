namespace BalanceClients.Tests.Testing.Snapshots;

/// <summary>Global snapshot settings, as Verify's <c>VerifierSettings</c>: scrubbers applied to every snapshot.</summary>
public static class VerifierSettings
{
    private static readonly List<Func<string, string>> Scrubbers = [];

    /// <summary>The environment variable that, set to <c>true</c> or <c>1</c>, accepts every received snapshot as verified.</summary>
    public const string AcceptVariable = "VERIFY_ACCEPT";

    /// <summary>Adds a scrubber: a function that replaces what changes between runs with a stable placeholder.</summary>
    public static void AddScrubber(Func<string, string> scrubber)
    {
        lock (Scrubbers)
        {
            Scrubbers.Add(scrubber);
        }
    }

    internal static string Scrub(string text)
    {
        lock (Scrubbers)
        {
            return Scrubbers.Aggregate(text.ReplaceLineEndings("\n"), (current, scrubber) => scrubber(current));
        }
    }

    internal static bool AcceptReceived =>
        Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" or "True";
}
