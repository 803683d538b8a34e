using BalanceClients.FakeProviders;
using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests.Generated;

/// <summary>A recording handler, an HTTP client over it, and the spec examples of one provider.</summary>
internal sealed class GeneratedClientFixture : IDisposable
{
    public GeneratedClientFixture(string providerId)
    {
        Spec = SpecExamples.Load(providerId);
        HttpClient = new HttpClient(Handler);
    }

    public RecordingHandler Handler { get; } = new();

    public HttpClient HttpClient { get; }

    public SpecExamples Spec { get; }

    public RecordedHttpRequest Request => Assert.Single(Handler.Requests);

    public void Dispose() => HttpClient.Dispose();
}
