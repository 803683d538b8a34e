using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace BalanceClients.Tests.Testing.Snapshots;

/// <summary>The scrubbers of this test assembly: what changes between runs becomes a stable placeholder.</summary>
internal static partial class ModuleInitializer
{
    [ModuleInitializer]
    public static void Initialize()
    {
        VerifierSettings.AddScrubber(text => LoopbackPort().Replace(text, "127.0.0.1:{Port}"));
        VerifierSettings.AddScrubber(text => DurationSample().Replace(text, "$1 {Duration}"));
        VerifierSettings.AddScrubber(text => IsoTime().Replace(text, "{Time}"));
    }

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex LoopbackPort();

    [GeneratedRegex(@"^(balances_check_duration_seconds\{[^}]*\}) [0-9.eE+-]+$", RegexOptions.Multiline)]
    private static partial Regex DurationSample();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex IsoTime();
}
