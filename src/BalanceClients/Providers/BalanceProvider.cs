using BalanceClients.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceClients.Providers;

/// <summary>
/// A provider adapter: calls the provider's generated client and maps its answer to the unified model.
/// Classification of transport failures, retries, timeouts, redaction and telemetry are not its business.
/// </summary>
internal abstract class BalanceProvider
{
    /// <summary>The provider this adapter calls.</summary>
    public abstract ProviderDescriptor Descriptor { get; }

    /// <summary>The type of credentials the provider's accounts use.</summary>
    public abstract Type CredentialsType { get; }

    /// <summary>The generated type of the provider's error bodies, used to read answers whose status its spec does not document.</summary>
    /// <value>The default value is <see langword="null"/>: the provider has no error body worth reading.</value>
    public virtual Type? ErrorBodyType => null;

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

    /// <summary>Reads the provider's code and message from an error body.</summary>
    /// <param name="errorBody">
    /// The generated client's typed error body, or one read from an undocumented answer as <see cref="ErrorBodyType"/>.
    /// </param>
    /// <returns>What the provider said, or <see langword="null"/> if the body says nothing useful.</returns>
    public virtual ProviderFailure? DescribeFailure(object errorBody) => null;

    /// <summary>
    /// Registers the provider's generated client (its interface) on the provider's HTTP client, for direct use: at the configured
    /// server URL, and authenticated as the provider's <c>default</c> account where its credentials travel in headers.
    /// </summary>
    /// <param name="httpClient">The provider's HTTP client builder.</param>
    public abstract void AddGeneratedClient(IHttpClientBuilder httpClient);
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
        return GetBalanceAsync(httpClient, baseUrl, typed, cancellationToken);
    }

    /// <summary>Reads the balance of one account.</summary>
    /// <param name="httpClient">The provider's HTTP client, already carrying the account's header credentials.</param>
    /// <param name="baseUrl">The provider's server URL.</param>
    /// <param name="credentials">The account's credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The amounts the provider reported.</returns>
    protected abstract Task<ProviderBalance> GetBalanceAsync(
        HttpClient httpClient,
        string baseUrl,
        TCredentials credentials,
        CancellationToken cancellationToken);

    /// <summary>Puts the credentials that travel in headers on an account's HTTP client.</summary>
    /// <param name="httpClient">The account's HTTP client.</param>
    /// <param name="credentials">The account's credentials.</param>
    protected virtual void Authenticate(HttpClient httpClient, TCredentials credentials)
    {
    }

    /// <summary>Prepares the HTTP client of a generated client resolved from dependency injection.</summary>
    /// <param name="httpClient">Its HTTP client.</param>
    /// <param name="services">The services it is resolved from.</param>
    /// <returns>The server URL to give it.</returns>
    /// <exception cref="BalanceConfigurationException">
    /// Its credentials travel in headers and the <c>default</c> account is not configured.
    /// </exception>
    protected string PrepareGeneratedClient(HttpClient httpClient, IServiceProvider services)
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
