using System.Text.Json;

namespace BalanceClients.FakeProviders;

/// <summary>How a fake provider is reached and what it accepts: its endpoint, its success example, its credentials check.</summary>
/// <param name="Id">The provider id.</param>
/// <param name="BasePath">The base URL's path on the fake server; it mirrors the real server's path prefix.</param>
/// <param name="Method">The balance endpoint's method.</param>
/// <param name="Path">The balance endpoint's path in the spec.</param>
/// <param name="SuccessExample">
/// The name of the success example under <c>examples</c>, or <see langword="null"/> for the single one.
/// </param>
/// <param name="Credentials">The demo credentials, by the contract's environment variable.</param>
/// <param name="Rejection">Why a request would be rejected, and with what answer; <see langword="null"/> when it is accepted.</param>
internal sealed record FakeProviderDefinition(
    string Id,
    string BasePath,
    string Method,
    string Path,
    string? SuccessExample,
    IReadOnlyDictionary<string, string> Credentials,
    Func<RecordedRequest, SpecExamples, FakeResponse?> Rejection)
{
    /// <summary>The five providers, with the demo credentials.</summary>
    public static IReadOnlyList<FakeProviderDefinition> All { get; } =
    [
        new("antgst", "/antgst", "POST", "/user/account/balance", "success",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["ANTGST_AUTH_SECRET"] = "demo-antgst-auth-secret" },
            (request, spec) => BodyString(request, "authSecret") == "demo-antgst-auth-secret"
                ? null
                : FakeResponse.Json(200, spec.Response("/user/account/balance", "post", "200", "authSecretError"))),
        new("lumenfall", "/lumenfall", "GET", "/v1/balance", "prepaid",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["LUMENFALL_API_KEY"] = "demo-lumenfall-api-key" },
            (request, _) => Bearer(request) == "demo-lumenfall-api-key" ? null : FakeResponse.Text(401, null)),
        new("mesh", "/mesh", "POST", "/api/v1/balance/get", null,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["MESH_CLIENT_ID"] = "demo-mesh-client-id",
                ["MESH_CLIENT_SECRET"] = "demo-mesh-client-secret",
                ["MESH_AUTH_TOKEN"] = "demo-mesh-auth-token",
                ["MESH_BROKER_TYPE"] = "binanceInternationalDirect",
            },
            (request, spec) => Header(request, "x-client-id") != "demo-mesh-client-id"
                || Header(request, "x-client-secret") != "demo-mesh-client-secret"
                ? FakeResponse.Json(401, "{}")
                : BodyString(request, "authToken") != "demo-mesh-auth-token"
                    ? FakeResponse.Json(400, spec.Response("/api/v1/balance/get", "post", "400"))
                    : null),
        new("telnyx", "/telnyx/v2", "GET", "/balance", null,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["TELNYX_API_KEY"] = "demo-telnyx-api-key" },
            (request, _) => Bearer(request) == "demo-telnyx-api-key"
                ? null
                : FakeResponse.Json(
                    401,
                    """{"errors":[{"code":"10009","title":"Authentication failed","detail":"The API key is missing or invalid."}]}""")),
        new("undrctrl", "/undrctrl", "POST", "/api/v2/", null,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["UNDRCTRL_API_KEY"] = "demo-undrctrl-api-key" },
            (request, spec) => BodyString(request, "action") != "balance"
                ? FakeResponse.Json(404, spec.Response("/api/v2/", "post", "404"))
                : BodyString(request, "key") != "demo-undrctrl-api-key"
                    ? FakeResponse.Json(401, spec.Response("/api/v2/", "post", "401"))
                    : null),
    ];



    private static string? Header(RecordedRequest request, string name) => request.Headers.GetValueOrDefault(name);

    private static string? Bearer(RecordedRequest request) =>
        Header(request, "authorization") is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal)
            ? value["Bearer ".Length..]
            : null;

    private static string? BodyString(RecordedRequest request, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
