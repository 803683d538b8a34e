using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BalanceClients.Benchmarks;

/// <summary>
/// `build`: the time of a no-op `dotnet build` of the library and the generator processes it starts (none), of one after a
/// spec changes (its two clients), and of each generator's clean generation of every client (MSBuild's target times).
/// </summary>
internal static partial class BuildTimes
{
    public static async Task RunAsync(string repoRoot, int runs)
    {
        var project = Path.Combine(repoRoot, "src", "BalanceClients", "BalanceClients.csproj");
        var spec = Path.Combine(repoRoot, "specs", "lumenfall.yaml");
        var original = await File.ReadAllTextAsync(spec);
        await BuildAsync(project, "build");

        var noOp = new List<double>();
        var changed = new List<double>();
        var nswag = new List<double>();
        var kiota = new List<double>();
        try
        {
            for (var i = 0; i < runs; i++)
            {
                var (seconds, output) = await BuildAsync(project, "build");
                if (GeneratorRuns(output) != 0)
                {
                    throw new InvalidOperationException("a no-op build started a generator:\n" + output);
                }

                noOp.Add(seconds);
                await File.WriteAllTextAsync(spec, original + $"# benchmark run {i}\n");
                (seconds, output) = await BuildAsync(project, "build");
                if (GeneratorRuns(output) != 2)
                {
                    throw new InvalidOperationException("a changed spec did not regenerate exactly its two clients:\n" + output);
                }

                changed.Add(seconds);
                await File.WriteAllTextAsync(spec, original);
                await BuildAsync(project, "build");

                var (nswagSeconds, kiotaSeconds) = await CleanGenerationAsync(project);
                nswag.Add(nswagSeconds);
                kiota.Add(kiotaSeconds);
            }
        }
        finally
        {
            await File.WriteAllTextAsync(spec, original);
            await BuildAsync(project, "build");
        }

        Console.WriteLine("| build | median (s) | min (s) | max (s) | runs |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Row("no-op `dotnet build src/BalanceClients` (0 generator processes)", noOp));
        Console.WriteLine(Row("after one spec changed (its two clients: 1 NSwag + 1 Kiota process)", changed));
        Console.WriteLine(Row("clean generation, NSwag: 5 clients, 1 process", nswag));
        Console.WriteLine(Row("clean generation, Kiota: 5 clients, 5 processes (and `dotnet tool restore`)", kiota));
    }

    // Every client generated afresh into a temporary folder; the time of each generator's target, as MSBuild measures it.
    private static async Task<(double NSwag, double Kiota)> CleanGenerationAsync(string project)
    {
        var output = Directory.CreateTempSubdirectory("balanceclients-generation-").FullName;
        try
        {
            var (_, log) = await BuildAsync(
                project,
                "msbuild",
                "-t:GenerateApiClients",
                "-p:ForceApiClientGeneration=true",
                $"-p:ApiClientsOutputDirectory={output}/",
                $"-p:ApiClientsWorkDirectory={output}/work/",
                "-clp:PerformanceSummary");
            return (TargetSeconds(log, "_GenerateNSwagClients"), TargetSeconds(log, "_GenerateKiotaClients"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static double TargetSeconds(string log, string target)
    {
        var match = Regex.Match(log, $@"^\s*(\d+) ms\s+{target}\s", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1000
            : throw new InvalidOperationException($"no time for {target} in:\n{log}");
    }

    private static int GeneratorRuns(string output) => GeneratorCommand().Count(output);

    [GeneratedRegex(@"dotnet-nswag\.dll"" run|dotnet tool run kiota generate ")]
    private static partial Regex GeneratorCommand();

    private static string Row(string name, List<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        return $"| {name} | {sorted[sorted.Count / 2]:F2} | {sorted[0]:F2} | {sorted[^1]:F2} | {sorted.Count} |";
    }

    private static async Task<(double Seconds, string Output)> BuildAsync(string project, string verb, params string[] more)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { verb, project, "-nologo", "-v:n", "-nodeReuse:false" }.Concat(more))
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
