using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BalanceClients.Output;

/// <summary>
/// The standard <c>process_*</c> families that Prometheus's own clients export (CPU seconds, resident and virtual memory, open
/// and maximum file descriptors, start time), measured when asked: they change on every scrape, so they are the one part of
/// <c>/metrics</c> that is not rendered once per reading. The descriptor families are Linux's (<c>/proc/self</c>) and are left
/// out elsewhere.
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

    private const string DescriptorsFolder = "/proc/self/fd";
    private const string LimitsFile = "/proc/self/limits";

    /// <summary>The families, in the order they are written.</summary>
    public static IReadOnlyList<MetricFamily> Families { get; } = [CpuSeconds, OpenFds, MaxFds, VirtualMemory, ResidentMemory, StartTime];

    /// <summary>Measures the process now.</summary>
    /// <returns>The UTF-8 text of the families.</returns>
    public static byte[] Render()
    {
        using var process = Process.GetCurrentProcess();
        var text = new StringBuilder(1024);
        Append(text, CpuSeconds, process.TotalProcessorTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        if (Directory.Exists(DescriptorsFolder))
        {
            Append(text, OpenFds, CountDescriptors().ToString(CultureInfo.InvariantCulture));
            if (MaxDescriptors() is { } max)
            {
                Append(text, MaxFds, max);
            }
        }

        Append(text, VirtualMemory, process.VirtualMemorySize64.ToString(CultureInfo.InvariantCulture));
        Append(text, ResidentMemory, process.WorkingSet64.ToString(CultureInfo.InvariantCulture));
        var started = new DateTimeOffset(process.StartTime).ToUnixTimeMilliseconds() / 1000m;
        Append(text, StartTime, started.ToString("0.###", CultureInfo.InvariantCulture));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Append(StringBuilder text, MetricFamily family, string value) =>
        text.Append(family.Header).Append(family.Sample(string.Empty, value));

    private static int CountDescriptors()
    {
        try
        {
            // The enumeration's own descriptor is among those it counts, as it is for Prometheus's Go client.
            return Directory.EnumerateFileSystemEntries(DescriptorsFolder).Count();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    // The soft limit, the one the process runs into: "Max open files  1024  524288  files".
    private static string? MaxDescriptors()
    {
        try
        {
            var line = File.ReadLines(LimitsFile).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return soft is null ? null : soft == "unlimited" ? "+Inf" : soft;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
