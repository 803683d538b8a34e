using BalanceClients.Configuration;
using BalanceClients.Generation;
using BalanceClients.Generation.Kiota;
using Microsoft.Extensions.DependencyInjection;
using IRequestAdapter = Microsoft.Kiota.Abstractions.IRequestAdapter;

namespace BalanceClients.Providers;

/// <summary>
/// A provider adapter: calls the provider's generated client (NSwag's or Kiota's, as the build chose: <see cref="GeneratedClients"/>)
/// and maps its answer to the unified model. Classification of failures, retries, timeouts, redaction and telemetry are not its
/// business.
/// </summary>
internal abstract class BalanceProvider
{
    /// <summary>The provider this adapter calls.</summary>
    public abstract ProviderDescriptor Descriptor { get; }

    /// <summary>The type of credentials the provider's accounts use.</summary>
    public abstract Type CredentialsType { get; }

    /// <summary>Reads the balance of one account.</summary>
    /// <param name="httpClient">The provider's HTTP client, with the resilience handlers; this account's own.</param>
    /// <param name="baseUrl">The provider's server URL.</param>
    /// <param name="credentials">The account's credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The amounts the provider reported.</returns>
    /// <exception cref="BalanceException">
    /// The provider reported a failure in the body of its answer, or the answer does not fit its spec.
    /// </exception>
    public abstract Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        IAccountCredentials credentials,
        CancellationToken cancellationToken);

    /// <summary>Reads what the provider said in the body of an answer that is not a success, as its error type.</summary>
    /// <param name="answer">The answer.</param>
    /// <returns>What the provider said, or <see langword="null"/> if the body says nothing useful.</returns>
    /// <exception cref="System.Text.Json.JsonException">The body is not the provider's error type.</exception>
    public abstract ProviderFailure? DescribeFailure(ApiException answer);

    /// <summary>
    /// Registers the provider's two generated clients on the provider's HTTP client, for direct use: NSwag's (its interface,
    /// <c>ITelnyxClient</c>) and Kiota's (its root class, <c>TelnyxApiClient</c>), at the configured server URL, and
    /// authenticated as the provider's <c>default</c> account where its credentials travel in headers.
    /// </summary>
    /// <param name="httpClient">The provider's HTTP client builder.</param>
    public abstract void AddGeneratedClients(IHttpClientBuilder httpClient);
}

/// <summary>A provider adapter whose accounts use credentials of type <typeparamref name="TCredentials"/>.</summary>
/// <typeparam name="TCredentials">The provider's credentials type.</typeparam>
internal abstract class BalanceProvider<TCredentials> : BalanceProvider
    where TCredentials : IAccountCredentials
{
    /// <inheritdoc />
    public sealed override Type CredentialsType => typeof(TCredentials);

    /// <inheritdoc />
    public sealed override Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        IAccountCredentials credentials,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (credentials is not TCredentials typed)
        {
            throw new ArgumentException(
                $"{Descriptor.DisplayName} accounts need {typeof(TCredentials).Name}, not {credentials.GetType().Name}.",
                nameof(credentials));
        }

        Authenticate(httpClient, typed);
        return Call.GetBalanceAsync(httpClient, baseUrl, typed, cancellationToken);
    }

    /// <inheritdoc />
    public sealed override ProviderFailure? DescribeFailure(ApiException answer) => Call.DescribeFailure(answer);

    /// <summary>The call through the generated client the build chose.</summary>
    protected abstract IBalanceCall<TCredentials> Call { get; }

    /// <summary>Puts the credentials that travel in headers on an account's HTTP client.</summary>
    /// <param name="httpClient">The account's HTTP client.</param>
    /// <param name="credentials">The account's credentials.</param>
    protected virtual void Authenticate(HttpClient httpClient, TCredentials credentials)
    {
    }

    /// <summary>Registers a provider's two generated clients (see <see cref="BalanceProvider.AddGeneratedClients"/>).</summary>
    /// <typeparam name="TNSwagClient">The NSwag client's interface.</typeparam>
    /// <typeparam name="TKiotaClient">The Kiota client's root class.</typeparam>
    /// <param name="httpClient">The provider's HTTP client builder.</param>
    /// <param name="nswag">Makes the NSwag client on an HTTP client, at a server URL.</param>
    /// <param name="kiota">Makes the Kiota client on a request adapter.</param>
    protected void AddGeneratedClients<TNSwagClient, TKiotaClient>(
        IHttpClientBuilder httpClient,
        Func<HttpClient, string, TNSwagClient> nswag,
        Func<IRequestAdapter, TKiotaClient> kiota)
        where TNSwagClient : class
        where TKiotaClient : class
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        httpClient.AddTypedClient((http, services) => nswag(http, PrepareGeneratedClient(http, services)));
        httpClient.AddTypedClient((http, services) => kiota(KiotaSender.CreateAdapter(http, PrepareGeneratedClient(http, services))));
    }

    /// <summary>Prepares the HTTP client of a generated client resolved from dependency injection.</summary>
    /// <param name="httpClient">Its HTTP client.</param>
    /// <param name="services">The services it is resolved from.</param>
    /// <returns>The server URL to give it.</returns>
    /// <exception cref="BalanceConfigurationException">
    /// Its credentials travel in headers and the <c>default</c> account is not configured.
    /// </exception>
    private string PrepareGeneratedClient(HttpClient httpClient, IServiceProvider services)
    {
        var options = services.GetRequiredService<ResolvedOptionsMonitor>().Current;
        if (options.DefaultAccountOf(Descriptor.Id)?.Credentials is TCredentials credentials)
        {
            Authenticate(httpClient, credentials);
        }
        else if (Descriptor.CredentialFields.Any(field => field.SentInHeader))
        {
            var variables = string.Join(
                ", ",
                Descriptor.CredentialFields.Where(field => field.SentInHeader).Select(field => field.EnvironmentVariable));
            throw new BalanceConfigurationException(
                $"The generated {Descriptor.DisplayName} client calls as the account '{BalanceAccount.DefaultName}', "
                + $"which is not configured (set {variables}).");
        }

        return options.BaseUrlOf(Descriptor.Id);
    }
}
