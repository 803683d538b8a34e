using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BalanceClients.AspNetCore;

/// <summary>
/// The token the endpoints require: presented as <c>Authorization: Bearer &lt;token&gt;</c>, or as the password of HTTP basic
/// authentication with any user name (so that a browser asks for it). Only its SHA-256 is kept, and a presented token is compared
/// by its own SHA-256 in constant time, so that neither its bytes nor its length can be learnt by timing the answers.
/// </summary>
internal sealed class EndpointToken
{
    private const string Challenge = "Basic realm=\"balances\", charset=\"UTF-8\"";
    private const string BearerChallenge = "Bearer realm=\"balances\"";
    private readonly byte[] _hash;

    private EndpointToken(string token) => _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The token of the options, if they set one.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The token, or <see langword="null"/> when the endpoints are open.</returns>
    /// <exception cref="ArgumentException">The token is set but blank.</exception>
    public static EndpointToken? Of(BalanceEndpointOptions options)
    {
        if (options.Token is null)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(options.Token)
            ? throw new ArgumentException(
                "BalanceEndpointOptions.Token is blank: set a token, or null for open endpoints.", nameof(options))
            : new EndpointToken(options.Token);
    }

    /// <summary>Answers a request with <c>401</c> unless it presents the token, else passes it on.</summary>
    /// <param name="answer">What answers a request that presents it.</param>
    /// <returns>The guarded delegate.</returns>
    public RequestDelegate Guard(RequestDelegate answer) => context =>
    {
        if (Presented(context.Request))
        {
            return answer(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = new([Challenge, BearerChallenge]);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    };

    private bool Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        var scheme = authorization[..space];
        var credentials = authorization[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Matches(Encoding.UTF8.GetBytes(credentials));
        }

        return scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && Password(credentials) is { } password && Matches(password);
    }

    // RFC 7617: base64 of "user-id:password", the user id holding no colon; browsers send UTF-8.
    private static byte[]? Password(string credentials)
    {
        var decoded = new byte[credentials.Length];
        if (!Convert.TryFromBase64String(credentials, decoded, out var length))
        {
            return null;
        }

        var colon = Array.IndexOf(decoded, (byte)':', 0, length);
        return colon < 0 ? null : decoded[(colon + 1)..length];
    }

    private bool Matches(byte[] presented) => CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), _hash);
}
