namespace BalanceClients.Tests.Cli;

/// <summary>A file in the temporary directory, deleted on dispose: a test's accounts or configuration file.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string extension) =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"balances-test-{Guid.NewGuid():N}{extension}");

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The file's name, as messages about its lines show it.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>A file holding these lines, each ended by a line feed.</summary>
    public static async Task<TempFile> WithLinesAsync(params IEnumerable<string> lines)
    {
        var file = new TempFile(".jsonl");
        await File.WriteAllLinesAsync(file.Path, lines);
        return file;
    }

    /// <summary>A file holding this text.</summary>
    public static async Task<TempFile> WithTextAsync(string text, string extension = ".json")
    {
        var file = new TempFile(extension);
        await File.WriteAllTextAsync(file.Path, text);
        return file;
    }

    /// <summary>A name for a file that does not exist (yet).</summary>
    public static TempFile Missing() => new(".json");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
        else
        {
            File.Delete(Path);
        }
    }
}
