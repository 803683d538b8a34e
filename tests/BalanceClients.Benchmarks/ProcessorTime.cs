using System.Diagnostics;
using System.Globalization;

namespace BalanceClients.Benchmarks;

/// <summary>
/// The CPU time spent so far by this process and, for a PostgreSQL store, by its server: the postmaster (whose pid is the first line
/// of <c>postmaster.pid</c> in its data folder), its children alive now, and those it has waited for (Linux's <c>/proc</c>).
/// </summary>
/// <param name="postgreSqlData">The server's data folder; <see langword="null"/> for a SQLite store, which runs in this process.</param>
internal sealed class ProcessorTime(string? postgreSqlData)
{
    private const double TicksPerSecond = 100;

    public (TimeSpan Client, TimeSpan Server) Now()
    {
        using var process = Process.GetCurrentProcess();
        return (process.TotalProcessorTime, postgreSqlData is null ? TimeSpan.Zero : Server(postgreSqlData));
    }

    private static TimeSpan Server(string data)
    {
        var postmaster = File.ReadLines(Path.Combine(data, "postmaster.pid")).First().Trim();
        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(folder);
            if (!name.All(char.IsAsciiDigit) || Stat(folder) is not { } fields)
            {
                continue;
            }

            // Fields after the command: state, ppid, ... utime (12), stime (13), cutime (14), cstime (15), counted from 0 here.
            if (name == postmaster)
            {
                ticks += fields[11] + fields[12] + fields[13] + fields[14];
            }
            else if (fields[1].ToString(CultureInfo.InvariantCulture) == postmaster)
            {
                ticks += fields[11] + fields[12];
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    // The numeric fields of /proc/PID/stat after the command's name (which may hold spaces); the state letter is read as 0.
    private static long[]? Stat(string folder)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(folder, "stat"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return [.. rest.Select(field => long.TryParse(field, CultureInfo.InvariantCulture, out var value) ? value : 0)];
    }
}
