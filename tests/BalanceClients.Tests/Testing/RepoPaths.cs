namespace BalanceClients.Tests.Testing;

/// <summary>Where the repository's files are, found from the test assembly upwards.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Specs => Path.Combine(Root, "specs");

    public static string Generated => Path.Combine(Root, "generated");

    public static string Spec(string providerId) => Path.Combine(Specs, providerId + ".yaml");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BalanceClients.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("BalanceClients.sln was not found above " + AppContext.BaseDirectory);
    }
}
