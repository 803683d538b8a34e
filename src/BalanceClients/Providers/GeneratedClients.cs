namespace BalanceClients.Providers;

/// <summary>
/// Which generated clients the provider adapters call, as the MSBuild property <c>ClientGenerator</c> chose at build time.
/// A constant, so that the compiler and the trimmer drop the calls through the other generator's clients.
/// </summary>
internal static class GeneratedClients
{
#if KIOTA_CLIENTS
    /// <summary>Whether the adapters call the Kiota clients (<c>ClientGenerator=Kiota</c>) instead of the NSwag ones.</summary>
    public const bool AreKiota = true;
#else
    /// <summary>Whether the adapters call the Kiota clients (<c>ClientGenerator=Kiota</c>) instead of the NSwag ones.</summary>
    public const bool AreKiota = false;
#endif

    /// <summary>The generator's name, as the build property gives it.</summary>
    public const string Generator = AreKiota ? "Kiota" : "NSwag";
}
