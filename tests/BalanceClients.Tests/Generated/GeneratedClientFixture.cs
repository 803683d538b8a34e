using System.Globalization;
using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Generated;

/// <summary>A recording handler, an HTTP client over it, and the spec examples of one provider's balance operation.</summary>
internal sealed class GeneratedClientFixture : IDisposable
{
    private readonly string _path;
    private readonly string _method;

    public GeneratedClientFixture(string providerId, string path, string method)
    {
        Spec = SpecExamples.Load(providerId);
        _path = path;
        _method = method;
        HttpClient = new HttpClient(Handler);
    }

    public RecordingHandler Handler { get; } = new();

    public HttpClient HttpClient { get; }

    public SpecExamples Spec { get; }

    public RecordedHttpRequest Request => Assert.Single(Handler.Requests);

    /// <summary>Queues the operation's example response of this status (and name, where the spec names its examples).</summary>
    public void RespondWithExample(int status, string? exampleName = null) =>
        Handler.Respond(status, Spec.Response(_path, _method, status.ToString(CultureInfo.InvariantCulture), exampleName));

    public void Dispose() => HttpClient.Dispose();
}
