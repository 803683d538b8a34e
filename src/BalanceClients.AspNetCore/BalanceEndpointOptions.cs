namespace BalanceClients.AspNetCore;

/// <summary>How <c>MapBalanceEndpoints(...)</c> answers: the token its endpoints require, if any.</summary>
public sealed class BalanceEndpointOptions
{
    /// <summary>
    /// The token every endpoint but <c>/healthz</c> and <c>/readyz</c> requires, as <c>Authorization: Bearer &lt;token&gt;</c> or
    /// as the password of HTTP basic authentication (any user name); a request without it is answered <c>401</c>, with a
    /// <c>WWW-Authenticate</c> challenge that makes a browser ask for it. Compared in constant time; never logged.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: every endpoint is open. When set, it must not be blank.</value>
    public string? Token { get; set; }
}
