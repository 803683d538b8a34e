using System.Runtime.InteropServices;

namespace BalanceClients.Cli;

/// <summary>
/// Whether standard output and standard error are what the process was started with. When a parent starts the tool with one
/// closed (<c>&gt;&amp;-</c>), the runtime's own files take the free descriptor: Native AOT duplicates standard error onto it, so
/// "standard output" would write to standard error. Descriptors a process inherits never carry close-on-exec; those it opens do.
/// </summary>
internal static partial class StandardDescriptors
{
    private const int GetDescriptorFlags = 1;
    private const int CloseOnExec = 1;

    /// <summary>Whether a descriptor is open and inherited from the parent, not opened by this process.</summary>
    /// <param name="descriptor">1 for standard output, 2 for standard error.</param>
    /// <returns>Whether it is the parent's.</returns>
    public static bool IsInherited(int descriptor)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        var flags = Fcntl(descriptor, GetDescriptorFlags);
        return flags >= 0 && (flags & CloseOnExec) == 0;
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int descriptor, int command);
}
