using System.Globalization;
using BalanceClients.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/BalanceClients.Benchmarks --
//     [scale | build | fakes | history [FOLDER] | status-page [ACCOUNTS] [STORE] | serve-load URL PER-SECOND SECONDS [gzip]
//      | schedule ACCOUNTS PER-SECOND FACTOR ROUNDS [STORE] | store-cost ACCOUNTS FOLDER [POSTGRESQL-URI POSTGRESQL-DATA]
//      | <BenchmarkDotNet arguments>]
switch (args.FirstOrDefault())
{
    case "scale":
        await ScaleRun.RunAsync([1_000, 10_000]);
        break;
    case "schedule":
        await ScheduleRun.RunAsync(
            int.Parse(args[1], CultureInfo.InvariantCulture),
            double.Parse(args[2], CultureInfo.InvariantCulture),
            double.Parse(args[3], CultureInfo.InvariantCulture),
            int.Parse(args[4], CultureInfo.InvariantCulture),
            args.ElementAtOrDefault(5));
        break;
    case "store-cost":
        await StoreCostRun.RunAsync(
            int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args.ElementAtOrDefault(3), args.ElementAtOrDefault(4));
        break;
    case "history":
        await HistoryRun.RunAsync(args.ElementAtOrDefault(1));
        break;
    case "status-page":
        await StatusPageRun.RunAsync(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000, args.ElementAtOrDefault(2));
        break;
    case "build":
        await BuildTimes.RunAsync(FindRepoRoot(), runs: 3);
        break;
    case "serve-load":
        await ServeLoad.RunAsync(
            new Uri(args[1]),
            int.Parse(args[2], CultureInfo.InvariantCulture),
            int.Parse(args[3], CultureInfo.InvariantCulture),
            gzip: args.ElementAtOrDefault(4) == "gzip");
        break;
    case "fakes":
        await FakeProvidersHost.RunAsync();
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(PerCallBenchmarks).Assembly).Run(args);
        break;
}

static string FindRepoRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "BalanceClients.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("BalanceClients.sln not found");
}
