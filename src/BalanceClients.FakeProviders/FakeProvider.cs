using System.Collections.Concurrent;

namespace BalanceClients.FakeProviders;

/// <summary>One fake provider: answers its balance endpoint with its spec's success example unless told otherwise.</summary>
public sealed class FakeProvider
{
    private readonly ConcurrentQueue<FakeResponse> _next = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly FakeProviderDefinition _definition;
    private readonly List<(int Count, TaskCompletionSource Arrived)> _arrivalWaiters = [];
    private int _inFlight;
    private int _maxInFlight;
    private int _received;

    internal FakeProvider(FakeProviderDefinition definition, Uri baseUrl)
    {
        _definition = definition;
        BaseUrl = baseUrl;
        Spec = SpecExamples.Load(definition.Id);
        Success = FakeResponse.Json(
            200,
            Spec.Response(definition.Path, definition.Method.ToLowerInvariant(), "200", definition.SuccessExample));
        Default = Success;
    }

    /// <summary>The provider id.</summary>
    public string Id => _definition.Id;

    /// <summary>The base URL to configure for the provider (<c>TELNYX_BASE_URL</c>, say).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The provider's spec, for its examples.</summary>
    public SpecExamples Spec { get; }

    /// <summary>The spec's success example.</summary>
    public FakeResponse Success { get; }

    /// <summary>The answer given when none is queued and the request is accepted.</summary>
    public FakeResponse Default { get; set; }

    /// <summary>The demo credentials, by the contract's environment variable.</summary>
    public IReadOnlyDictionary<string, string> Credentials => _definition.Credentials;

    /// <summary>Whether requests are kept in <see cref="Requests"/>; off for load runs, whose memory is then the client's alone.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RecordsRequests { get; set; } = true;

    /// <summary>The requests received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The most requests this fake has been answering at once.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>Queues answers for the next requests, in order, whatever the requests hold; then <see cref="Default"/> again.</summary>
    /// <param name="responses">The answers.</param>
    public void Enqueue(params FakeResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            _next.Enqueue(response);
        }
    }

    /// <summary>Completes once this fake has received <paramref name="count"/> requests in all, at once if it already has.</summary>
    /// <param name="count">How many requests, counted from the fake's start.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task the server completes when the request arrives, before answering it.</returns>
    public Task WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        lock (_arrivalWaiters)
        {
            if (_received >= count)
            {
                return Task.CompletedTask;
            }

            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _arrivalWaiters.Add((count, arrived));
            return arrived.Task.WaitAsync(cancellationToken);
        }
    }

    internal IDisposable BeginRequest()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while ((max = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }

        return new RequestScope(this);
    }

    internal FakeResponse Answer(RecordedRequest request)
    {
        if (RecordsRequests)
        {
            _requests.Enqueue(request);
        }

        Arrived();

        if (_next.TryDequeue(out var queued))
        {
            return queued;
        }

        if (!string.Equals(request.Method, _definition.Method, StringComparison.OrdinalIgnoreCase) || request.Path != _definition.Path)
        {
            return FakeResponse.Text(404, "no such endpoint");
        }

        return _definition.Rejection(request, Spec) ?? Default;
    }

    private void Arrived()
    {
        lock (_arrivalWaiters)
        {
            _received++;
            foreach (var (_, arrived) in _arrivalWaiters.Where(waiter => waiter.Count <= _received))
            {
                arrived.TrySetResult();
            }

            _arrivalWaiters.RemoveAll(waiter => waiter.Count <= _received);
        }
    }

    private sealed class RequestScope(FakeProvider owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._inFlight);
    }
}
