using BalanceClients.Generation;

namespace BalanceClients.Providers;

/// <summary>
/// One provider's balance request through one generator's client, and the reading of that client's answer and error types:
/// all that differs between a provider's NSwag and Kiota clients. What the amounts mean, the classification of failures,
/// retries, redaction and telemetry are the same for both, and not here.
/// </summary>
/// <typeparam name="TCredentials">The provider's credentials type.</typeparam>
internal interface IBalanceCall<in TCredentials>
    where TCredentials : IAccountCredentials
{
    /// <summary>Requests one account's balance and reads the answer.</summary>
    /// <param name="httpClient">The account's HTTP client, already carrying its header credentials.</param>
    /// <param name="baseUrl">The provider's server URL.</param>
    /// <param name="credentials">The account's credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The amounts the provider reported.</returns>
    /// <exception cref="ApiException">The answer is not a success, or could not be read.</exception>
    /// <exception cref="BalanceException">
    /// The provider reported a failure in its answer, or the answer does not fit its spec.
    /// </exception>
    Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        TCredentials credentials,
        CancellationToken cancellationToken);

    /// <summary>Reads what the provider said in the body of an answer that is not a success, as its error type.</summary>
    /// <param name="answer">The answer.</param>
    /// <returns>What the provider said, or <see langword="null"/> if the body says nothing useful.</returns>
    /// <exception cref="System.Text.Json.JsonException">The body is not the provider's error type.</exception>
    ProviderFailure? DescribeFailure(ApiException answer);
}
