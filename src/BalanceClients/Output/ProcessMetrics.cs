using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BalanceClients.Output;

/// <summary>
/// The standard <c>process_*</c> families that Prometheus's own clients export (CPU seconds, resident and virtual memory, open
/// and maximum file descriptors, start time), measured when asked: they change on every scrape, so they are the one part of
/// <c>/metrics</c> that is not rendered once per reading. Cheap by design (a scrape may come 500 times a second): CPU time from
/// <see cref="Environment.CpuUsage"/>, memory from one read of <c>/proc/self/stat</c>, descriptors from <c>/proc/self/fd</c>
/// and <c>/proc/self/limits</c>; the start time once. Where there is no <c>/proc</c> (not Linux), only the families that need
/// none are written. Scrapes within one second share one measurement: counting the open descriptors costs about 0.4 ms
/// (.NET reads each entry of <c>/proc/self/fd</c>), which at 500 scrapes a second was most of what a scrape cost, and no
/// scraper asks more than once a second.
/// </summary>
internal static class ProcessMetrics
{
    /// <summary>CPU time.</summary>
    public static readonly MetricFamily CpuSeconds = new(
        "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", "counter");

    /// <summary>Open file descriptors.</summary>
    public static readonly MetricFamily OpenFds = new("process_open_fds", "Number of open file descriptors.");

    /// <summary>The limit of open file descriptors.</summary>
    public static readonly MetricFamily MaxFds = new("process_max_fds", "Maximum number of open file descriptors.");

    /// <summary>Virtual memory.</summary>
    public static readonly MetricFamily VirtualMemory = new("process_virtual_memory_bytes", "Virtual memory size in bytes.");

    /// <summary>Resident memory.</summary>
    public static readonly MetricFamily ResidentMemory = new("process_resident_memory_bytes", "Resident memory size in bytes.");

    /// <summary>The start time.</summary>
    public static readonly MetricFamily StartTime = new(
        "process_start_time_seconds", "Start time of the process since unix epoch in seconds.");

    private const string StatFile = "/proc/self/stat";
    private const string DescriptorsFolder = "/proc/self/fd";
    private const string LimitsFile = "/proc/self/limits";
    private const string MaxOpenFiles = "Max open files";

    private static readonly string Started = StartSeconds();
    private static readonly long SharedMilliseconds = (long)TimeSpan.FromSeconds(1).TotalMilliseconds;
    private static Measurement? _last;

    /// <summary>The families, in the order they are written.</summary>
    public static IReadOnlyList<MetricFamily> Families { get; } = [CpuSeconds, OpenFds, MaxFds, VirtualMemory, ResidentMemory, StartTime];

    /// <summary>Measures the process, or returns the measurement made less than a second ago.</summary>
    /// <returns>The UTF-8 text of the families.</returns>
    public static byte[] Render()
    {
        var now = Environment.TickCount64;
        if (Volatile.Read(ref _last) is { } last && now - last.At < SharedMilliseconds)
        {
            return last.Text;
        }

        var text = Measure();
        Volatile.Write(ref _last, new Measurement(now, text));
        return text;
    }

    private static byte[] Measure()
    {
        var text = new StringBuilder(1024);
        Append(text, CpuSeconds, Environment.CpuUsage.TotalTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        if (CountDescriptors() is { } open)
        {
            Append(text, OpenFds, open.ToString(CultureInfo.InvariantCulture));
        }

        if (MaxDescriptors() is { } max)
        {
            Append(text, MaxFds, max);
        }

        if (Memory() is var (virtualBytes, residentBytes))
        {
            Append(text, VirtualMemory, virtualBytes.ToString(CultureInfo.InvariantCulture));
            Append(text, ResidentMemory, residentBytes.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Append(text, ResidentMemory, Environment.WorkingSet.ToString(CultureInfo.InvariantCulture));
        }

        Append(text, StartTime, Started);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Append(StringBuilder text, MetricFamily family, string value) =>
        text.Append(family.Header).Append(family.Sample(string.Empty, value));

    // vsize (bytes) and rss (pages) are the 23rd and 24th fields of /proc/self/stat; the 2nd, the command's name in parentheses,
    // may hold spaces, so fields are counted from the last ')'.
    private static (long Virtual, long Resident)? Memory()
    {
        try
        {
            var stat = File.ReadAllText(StatFile);
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var virtualBytes = long.Parse(fields[20], CultureInfo.InvariantCulture);
            var residentPages = long.Parse(fields[21], CultureInfo.InvariantCulture);
            return (virtualBytes, residentPages * Environment.SystemPageSize);
        }
        catch (Exception exception)
            when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static int? CountDescriptors()
    {
        try
        {
            // The enumeration's own descriptor is among those it counts, as it is for Prometheus's Go client.
            return Directory.EnumerateFileSystemEntries(DescriptorsFolder).Count();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The soft limit, the one the process runs into: "Max open files  1024  524288  files".
    private static string? MaxDescriptors()
    {
        try
        {
            var line = File.ReadLines(LimitsFile).FirstOrDefault(l => l.StartsWith(MaxOpenFiles, StringComparison.Ordinal));
            var soft = line?[MaxOpenFiles.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return soft == "unlimited" ? "+Inf" : soft;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string StartSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return (new DateTimeOffset(process.StartTime).ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture);
    }

    private sealed record Measurement(long At, byte[] Text);
}
