using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests;

/// <summary>Rules of the repository's own files that no analyzer checks.</summary>
public sealed class RepositoryTests
{
    // .editorconfig's max_line_length for *.cs; nothing in the build enforces it, so this test does.
    private const int MaxLineLength = 140;

    private static readonly string[] HandWrittenFolders = ["src", "tests"];

    [Fact]
    public void Repository_HandWrittenSource_HasNoLineOver140Characters()
    {
        var tooLong = HandWrittenFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (Path: path, Number: index + 1, line.Length)))
            .Where(line => line.Length > MaxLineLength)
            .Select(line => $"{Path.GetRelativePath(RepoPaths.Root, line.Path).Replace('\\', '/')}:{line.Number}: {line.Length} characters")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Lines longer than {MaxLineLength} characters ({tooLong.Count}):\n{string.Join('\n', tooLong)}");
    }

    private static bool IsBuildOutput(string path) =>
        Path.GetRelativePath(RepoPaths.Root, path).Split(Path.DirectorySeparatorChar).Any(segment => segment is "bin" or "obj");
}
