using System.Diagnostics;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// Debian's <c>chromium</c>, headless: loads a page as a browser does (parsing, styles, the page's Content-Security-Policy) and
/// writes its DOM or a screenshot. As root it needs <c>--no-sandbox</c>; it runs in a profile folder of its own that goes
/// with the run, and is killed if it outlives a minute.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Its executable, as Debian's <c>chromium</c> package installs it.</summary>
    public const string Executable = "/usr/bin/chromium";

    /// <summary>The DOM of the page at <paramref name="url"/> once loaded, as HTML, and what the browser logged.</summary>
    public static async Task<ToolRun> DumpDomAsync(Uri url) => await RunAsync(url, "--dump-dom");

    /// <summary>Writes a PNG screenshot of the page at <paramref name="url"/> to <paramref name="file"/>.</summary>
    public static async Task<ToolRun> ScreenshotAsync(Uri url, string file) =>
        await RunAsync(url, $"--screenshot={file}", "--window-size=1280,1400", "--hide-scrollbars");

    private static async Task<ToolRun> RunAsync(Uri url, params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("balances-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                ArgumentList =
                {
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                    "--enable-logging=stderr",
                    "--user-data-dir=" + profile.FullName,
                },
            };
            foreach (var argument in args.Append(url.AbsoluteUri))
            {
                start.ArgumentList.Add(argument);
            }

            return await ToolRun.RunAsync(start, "chromium " + string.Join(' ', args));
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
