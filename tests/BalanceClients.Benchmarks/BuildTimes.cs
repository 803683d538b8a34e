using System.Diagnostics;

namespace BalanceClients.Benchmarks;

/// <summary>`build`: the time of a no-op `dotnet build` of the library (no generator started) and of one after a spec changes.</summary>
internal static class BuildTimes
{
    public static async Task RunAsync(string repoRoot, int runs)
    {
        var project = Path.Combine(repoRoot, "src", "BalanceClients", "BalanceClients.csproj");
        var spec = Path.Combine(repoRoot, "specs", "lumenfall.yaml");
        var original = await File.ReadAllTextAsync(spec);
        await BuildAsync(project);

        var noOp = new List<double>();
        var changed = new List<double>();
        try
        {
            for (var i = 0; i < runs; i++)
            {
                var (seconds, output) = await BuildAsync(project);
                if (output.Contains("Generating", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("a no-op build started the generator:\n" + output);
                }

                noOp.Add(seconds);
                await File.WriteAllTextAsync(spec, original + $"# benchmark run {i}\n");
                (seconds, output) = await BuildAsync(project);
                if (!output.Contains("Generating 1 API client(s)", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("a changed spec did not regenerate exactly one client");
                }

                changed.Add(seconds);
                await File.WriteAllTextAsync(spec, original);
                await BuildAsync(project);
            }
        }
        finally
        {
            await File.WriteAllTextAsync(spec, original);
            await BuildAsync(project);
        }

        Console.WriteLine("| build | median (s) | min (s) | max (s) | runs |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Row("no-op `dotnet build src/BalanceClients`", noOp));
        Console.WriteLine(Row("after one spec changed", changed));
    }

    private static string Row(string name, List<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        return $"| {name} | {sorted[sorted.Count / 2]:F2} | {sorted[0]:F2} | {sorted[^1]:F2} | {sorted.Count} |";
    }

    private static async Task<(double Seconds, string Output)> BuildAsync(string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", project, "-nologo", "-v:n", "-nodeReuse:false" })
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        stopwatch.Stop();
        var text = await output + await error;
        return process.ExitCode == 0 ? (stopwatch.Elapsed.TotalSeconds, text) : throw new InvalidOperationException(text);
    }
}
