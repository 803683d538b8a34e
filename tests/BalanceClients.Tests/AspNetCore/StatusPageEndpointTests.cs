using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using BalanceClients.Tests.History;
using BalanceClients.Tests.Serve;

namespace BalanceClients.Tests.AspNetCore;

/// <summary>
/// <c>GET /</c>, the status page, as <c>balances serve</c> answers it: HTML of every account with its security headers, rendered
/// once per change of the readings and served from memory, gzip when asked, <c>HEAD</c>, behind the token.
/// </summary>
public sealed class StatusPageEndpointTests
{
    [Fact]
    public async Task Page_ShowsEveryAccount_WithItsSecurityHeaders_AndLinks()
    {
        await using var serve = await ServeHarness.StartAsync();
        await serve.CheckEveryAccountAsync();

        using var response = await serve.Http.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.All(serve.Monitor.Readings, reading =>
            Assert.Contains($"<span class=\"name\">{reading.Provider} / {reading.Account}</span>", page, StringComparison.Ordinal));
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"300\">", page, StringComparison.Ordinal);
        Assert.Contains("No store: readings are not recorded", page, StringComparison.Ordinal);
        foreach (var link in new[] { "/metrics", "/api/v1/balances", "/health" })
        {
            Assert.Contains($"<a href=\"{link}\">", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_IsRenderedOncePerChangeOfTheReadings()
    {
        await using var serve = await ServeHarness.StartAsync();
        await serve.CheckEveryAccountAsync();

        var first = await serve.Http.GetByteArrayAsync("/");
        var again = await serve.Http.GetByteArrayAsync("/");
        await serve.AdvanceAsync(TimeSpan.FromMinutes(6));
        var later = await serve.Http.GetStringAsync("/");

        Assert.Equal(first, again);
        Assert.NotEqual(System.Text.Encoding.UTF8.GetString(first), later);
        Assert.Contains($"as of {serve.Time.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm} UTC", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AskedForGzip_IsGzipOfThePage_AndHeadHasNoBody()
    {
        await using var serve = await ServeHarness.StartAsync();
        await serve.CheckEveryAccountAsync();
        var plain = await serve.Http.GetStringAsync("/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var compressed = await serve.Http.SendAsync(request);
        using var head = await serve.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        await using var gzip = new GZipStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        Assert.Equal(plain, await new StreamReader(gzip).ReadToEndAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(plain), head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Page_WithAStore_ChartsEveryAccount()
    {
        using var folder = new StoreFolder();
        await using var serve = await ServeHarness.StartAsync(["--store", folder.File(), "--min", "undrctrl=2000", "--warn", "telnyx=500"]);
        await serve.CheckEveryAccountAsync();

        var page = await serve.Http.GetStringAsync("/");

        Assert.DoesNotContain("No store", page, StringComparison.Ordinal);
        Assert.Equal(serve.Monitor.Readings.Count, Count(page, "<svg class=\"chart\""));
        Assert.Equal(serve.Monitor.Readings.Count, Count(page, "<path class=\"series\""));
        Assert.Equal(1, Count(page, "<line class=\"threshold critical\""));
        Assert.Equal(1, Count(page, "<line class=\"threshold warning\""));
        Assert.Contains("no runway yet: too little history", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_BehindAToken_IsRefusedWithoutIt_AndOpensWithBasicAuthentication()
    {
        using var folder = new StoreFolder();
        await File.WriteAllTextAsync(folder.File("token"), "page-token\n");
        await using var serve = await ServeHarness.StartAsync(["--token-file", folder.File("token")]);

        using var refused = await serve.Http.GetAsync("/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/")
        {
            Headers = { Authorization = new("Basic", Convert.ToBase64String("browser:page-token"u8.ToArray())) },
        };
        using var opened = await serve.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(refused.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("<h1>Balances</h1>", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(", ", response.Headers.GetValues(name));

    internal static int Count(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
