using System.Collections.Concurrent;
using BalanceClients.FakeProviders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// A webhook on 127.0.0.1 (an ephemeral port) that keeps every request and answers from a queue of answers, then
/// <see cref="Default"/>; answers' delays run on the given clock, so that a receiver that hangs is one whose delay never ends.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>The secret part of the receiver's URL, as a Slack URL's token: no log line or message may show it.</summary>
    public const string Token = "T0SECRET/B0SECRET/xoxb-webhook-token-4711";

    private readonly ConcurrentQueue<FakeResponse> _next = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _accepted = [];
    private readonly List<(int Count, TaskCompletionSource Arrived)> _waiters = [];
    private readonly TimeProvider _timeProvider;
    private WebApplication? _app;

    private WebhookReceiver(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>The receiver's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The webhook URL to configure: the root, then <c>services/</c> and <see cref="Token"/>.</summary>
    public Uri Url => new(Root, "services/" + Token);

    /// <summary>The answer given when none is queued.</summary>
    public FakeResponse Default { get; set; } = FakeResponse.Text(200, "ok");

    /// <summary>An answer that never comes: a delay (the longest one <see cref="Task.Delay(TimeSpan)"/> takes) no test waits out.</summary>
    public static FakeResponse Hang { get; } = new() { Delay = TimeSpan.FromDays(40) };

    /// <summary>The requests received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_waiters)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests answered with a <c>2xx</c> status (counted as the answer is chosen), in order.</summary>
    public IReadOnlyList<RecordedRequest> Accepted
    {
        get
        {
            lock (_waiters)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>The bodies received, in order.</summary>
    public IReadOnlyList<string> Bodies => [.. Requests.Select(request => request.Body)];

    /// <summary>Starts a receiver.</summary>
    /// <param name="timeProvider">The clock of the answers' delays.</param>
    public static async Task<WebhookReceiver> StartAsync(TimeProvider timeProvider)
    {
        var receiver = new WebhookReceiver(timeProvider);
        (receiver._app, receiver.Root) = await LoopbackApp.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    /// <summary>Queues answers for the next requests, in order; then <see cref="Default"/> again.</summary>
    public void Enqueue(params FakeResponse[] answers)
    {
        foreach (var answer in answers)
        {
            _next.Enqueue(answer);
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived in all (before they are answered).</summary>
    public Task WaitForRequestsAsync(int count)
    {
        Task arrived;
        lock (_waiters)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
            arrived = waiter.Task;
        }

        return arrived.WithinLimit($"{count} request(s) to the webhook");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            // Not gracefully: a request the test left hanging is aborted at once.
            await app.StopAsync(new CancellationToken(canceled: true));
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal),
            body);
        lock (_waiters)
        {
            _requests.Add(request);
            foreach (var (_, arrived) in _waiters.Where(waiter => waiter.Count <= _requests.Count))
            {
                arrived.TrySetResult();
            }

            _waiters.RemoveAll(waiter => waiter.Count <= _requests.Count);
        }

        var answer = _next.TryDequeue(out var next) ? next : Default;
        if (answer is { DropConnection: false, Status: >= 200 and < 300 })
        {
            lock (_waiters)
            {
                _accepted.Add(request);
            }
        }

        try
        {
            await answer.WriteToAsync(context, _timeProvider);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The notifier gave up waiting: nothing to answer.
        }
    }
}
