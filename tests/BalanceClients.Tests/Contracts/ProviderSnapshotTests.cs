using System.Text;
using System.Text.Json;
using BalanceClients.Configuration;
using BalanceClients.FakeProviders;
using BalanceClients.Output;
using BalanceClients.Providers;
using BalanceClients.Tests.Testing;
using BalanceClients.Tests.Testing.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Tests.Contracts;

/// <summary>
/// What each provider is sent, and what each of its documented answers becomes, snapshotted; secrets appear as placeholders.
/// The results are the same whichever generated clients the layer runs on; the requests have a snapshot per generator.
/// </summary>
public sealed class ProviderSnapshotTests
{
    private static readonly Dictionary<string, string?> Credentials = new()
    {
        ["UNDRCTRL_API_KEY"] = "snapshot-undrctrl-api-key",
        ["ANTGST_AUTH_SECRET"] = "snapshot-antgst-auth-secret",
        ["TELNYX_API_KEY"] = "snapshot-telnyx-api-key",
        ["LUMENFALL_API_KEY"] = "snapshot-lumenfall-api-key",
        ["MESH_CLIENT_ID"] = "snapshot-mesh-client-id",
        ["MESH_CLIENT_SECRET"] = "snapshot-mesh-client-secret",
        ["MESH_AUTH_TOKEN"] = "snapshot-mesh-auth-token",
        ["MESH_BROKER_TYPE"] = "binanceInternationalDirect",
    };

    [Fact]
    public async Task Requests_EachProvider_AsSent()
    {
        var text = new StringBuilder();
        foreach (var provider in ProviderInfo.All)
        {
            var handler = new RecordingHandler().Respond(200, SpecExamples.Load(provider.Id).All().First(e => e.Part == "200").Json);
            await CheckAsync(provider.Id, handler);

            var request = Assert.Single(handler.Requests);
            text.Append("# ").Append(provider.Id).Append('\n').Append(request.Method).Append(' ').Append(request.Uri).Append('\n');
            foreach (var (name, value) in request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            {
                text.Append(name).Append(": ").Append(value).Append('\n');
            }

            text.Append(request.Body ?? "(no body)").Append("\n\n");
        }

        // One snapshot per generator: the wire may differ (Kiota writes a body's keys in alphabetical order, NSwag in the spec's).
        var snapshot = $"{nameof(Requests_EachProvider_AsSent)}.{GeneratedClients.Generator}";
        await Verifier.Verify(Placeholders(text.ToString()), methodName: snapshot);
    }

    [Fact]
    public async Task Results_EverySuccessExampleAndDocumentedError()
    {
        var text = new StringBuilder();
        foreach (var provider in ProviderInfo.All)
        {
            var spec = await SpecSchemas.LoadAsync(provider.Id);
            var examples = SpecExamples.Load(provider.Id).All().Where(e => e.Part != "request").ToList();
            var answers = spec.Operation.Operation.ActualResponses.Keys
                .SelectMany(status => examples
                    .Where(e => e.Part == status)
                    .Select(e => (Status: status, Name: e.Name.Length == 0 ? "example" : e.Name, Body: (string?)e.Json))
                    .DefaultIfEmpty((status, "(no example)", null)))
                .ToList();

            text.Append("# ").Append(provider.Id).Append('\n');
            foreach (var (status, name, body) in answers)
            {
                var code = status == "default" ? 500 : int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
                var result = await CheckAsync(provider.Id, new RecordingHandler().Respond(code, body));
                text.Append(status).Append(' ').Append(name).Append(": ").Append(Json(result)).Append('\n');
            }

            text.Append('\n');
        }

        await Verifier.Verify(Placeholders(text.ToString()));
    }

    private static async Task<BalanceCheckResult> CheckAsync(string provider, RecordingHandler handler)
    {
        var services = BalanceServices.Create(Credentials, configure: options => options.GetProvider(provider).Resilience.MaxRetries = 0);
        services.AddHttpClient(HttpClientNames.For(provider)).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var serviceProvider = services.BuildServiceProvider();
        var checker = serviceProvider.GetRequiredService<IBalanceChecker>();
        return await checker.CheckAsync(checker.Accounts.Single(a => a.Provider == provider), CancellationToken.None);
    }

    private static string Json(BalanceCheckResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ResultJson.Write(writer, result, runway: null);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Placeholders(string text) =>
        Credentials.Where(c => !c.Key.EndsWith("_TYPE", StringComparison.Ordinal))
            .Aggregate(
                text,
                (current, credential) => current.Replace(credential.Value!, "{" + credential.Key + "}", StringComparison.Ordinal));
}
