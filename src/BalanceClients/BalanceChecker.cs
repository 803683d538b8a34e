using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BalanceClients.Configuration;
using BalanceClients.Diagnostics;
using BalanceClients.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceClients;

/// <summary>Checks accounts through their provider adapters; see <see cref="IBalanceChecker"/>.</summary>
public sealed class BalanceChecker : IBalanceChecker
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ResolvedOptionsMonitor _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly BalanceCheckMetrics _metrics;

    /// <summary>Creates the checker.</summary>
    /// <param name="httpClientFactory">Makes each provider's HTTP client (named by <see cref="HttpClientNames"/>).</param>
    /// <param name="options">The options, followed as they change.</param>
    /// <param name="timeProvider">The clock of deadlines, durations and retrieval times.</param>
    /// <param name="meterFactory">
    /// Makes the meter of the <c>balances.checks</c> counter and the <c>balances.checks.duration</c> histogram.
    /// </param>
    /// <param name="logger">Where results are logged.</param>
    public BalanceChecker(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<BalanceCheckerOptions> options,
        TimeProvider timeProvider,
        IMeterFactory meterFactory,
        ILogger<BalanceChecker> logger)
    {
        _metrics = new BalanceCheckMetrics(meterFactory);
        _httpClientFactory = httpClientFactory;
        _options = new ResolvedOptionsMonitor(options);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public IReadOnlyList<BalanceAccount> Accounts => _options.Current.Accounts;

    /// <inheritdoc />
    public BalanceThresholds Thresholds => _options.Current.Thresholds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BalanceCheckResult>> CheckAllAsync(CancellationToken cancellationToken = default)
    {
        var accounts = Accounts;
        var results = new List<BalanceCheckResult>(accounts.Count);
        await foreach (var result in CheckManyAsync(accounts.ToAsyncEnumerable(), null, cancellationToken).ConfigureAwait(false))
        {
            results.Add(result);
        }

        return [.. results.Order(BalanceCheckResult.ContractOrder)];
    }

    /// <inheritdoc />
    public async Task<BalanceCheckResult> CheckAsync(BalanceAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = _options.Current;
        using var deadline = StartDeadline(options, null);
        return await CheckOneAsync(options, account, deadline.Token, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BalanceCheckResult> CheckManyAsync(
        IAsyncEnumerable<BalanceAccount> accounts,
        TimeSpan? deadline = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var options = _options.Current;
        using var deadlineSource = StartDeadline(options, deadline);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = Channel.CreateBounded<BalanceCheckResult>(options.Options.MaxConcurrency);
        var producer = ProduceAsync(options, accounts, results.Writer, deadlineSource.Token, stop.Token);
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            // The consumer stopped early or failed: stop the remaining checks before leaving.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ContinueWith(
                static _ => { },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task ProduceAsync(
        ResolvedOptions options,
        IAsyncEnumerable<BalanceAccount> accounts,
        ChannelWriter<BalanceCheckResult> writer,
        CancellationToken deadline,
        CancellationToken stop)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Options.MaxConcurrency, CancellationToken = stop };
            await Parallel.ForEachAsync(accounts, parallel, async (account, token) =>
            {
                var result = await CheckOneAsync(options, account, deadline, token).ConfigureAwait(false);
                await writer.WriteAsync(result, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            writer.Complete();
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
        }
    }

    private CancellationTokenSource StartDeadline(ResolvedOptions options, TimeSpan? deadline) =>
        new(deadline ?? options.Options.Timeout, _timeProvider);

    private async Task<BalanceCheckResult> CheckOneAsync(
        ResolvedOptions options,
        BalanceAccount account,
        CancellationToken deadline,
        CancellationToken cancellationToken)
    {
        var provider = ProviderCatalog.Get(account.Provider);
        var started = _timeProvider.GetTimestamp();
        using var activity = BalanceTelemetry.ActivitySource.StartActivity(BalanceTelemetry.CheckActivity, ActivityKind.Internal);
        activity?.SetTag(BalanceTelemetry.ProviderTag, provider.Descriptor.Id);
        activity?.SetTag(BalanceTelemetry.AccountTag, account.Name);
        using var scope = _logger.IsEnabled(LogLevel.Critical)
            ? _logger.BeginScope(new CheckLogScope(provider.Descriptor.Id, account.Name))
            : null;

        AccountBalance? balance = null;
        BalanceError? error = null;
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(deadline, cancellationToken)
            : null;
        try
        {
            using var httpClient = _httpClientFactory.CreateClient(HttpClientNames.For(provider.Descriptor.Id));
            var baseUrl = options.BaseUrlOf(provider.Descriptor.Id);
            var answer = await provider.GetBalanceAsync(httpClient, baseUrl, account.Credentials, linked?.Token ?? deadline)
                .ConfigureAwait(false);
            balance = new AccountBalance(
                provider.Descriptor.Id,
                account.Name,
                answer.Amounts,
                answer.BillingType,
                _timeProvider.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever a provider call throws becomes that account's error; it must never spoil the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var classified = FailureClassifier.Classify(exception, provider, deadline.IsCancellationRequested, _timeProvider.GetUtcNow());
            error = ProviderText.Clean(SecretRedactor.Redact(classified, account.Credentials.Secrets));
        }

        var duration = _timeProvider.GetElapsedTime(started);
        var result = new BalanceCheckResult(provider.Descriptor.Id, account.Name, balance, error, duration);
        Record(result, activity);
        return result with { Level = options.Thresholds.LevelOf(result) };
    }

    private void Record(BalanceCheckResult result, Activity? activity)
    {
        _metrics.Checked(result);
        activity?.SetTag(BalanceTelemetry.OutcomeTag, result.Outcome);
        var milliseconds = result.Duration.TotalMilliseconds;
        if (result.Error is not { } error)
        {
            Log.CheckSucceeded(_logger, result.Provider, result.Account, milliseconds);
            return;
        }

        activity?.SetStatus(ActivityStatusCode.Error, result.Outcome);
        activity?.SetTag(BalanceTelemetry.ErrorTypeTag, result.Outcome);
        activity?.SetTag(BalanceTelemetry.HttpStatusTag, error.HttpStatus);
        var status = Log.Status(error.HttpStatus);
        Log.CheckFailed(_logger, result.Provider, result.Account, result.Outcome, status, milliseconds, error.Message);
    }
}
