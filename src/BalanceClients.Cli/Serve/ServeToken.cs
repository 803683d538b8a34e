using BalanceClients.Configuration;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Cli.Serve;

/// <summary>
/// The token <c>balances serve</c> requires on every endpoint but the probes: the content of <c>--token-file</c> (or
/// <c>Balances:Serve:TokenFile</c>), trimmed. The token is a secret: no message quotes it.
/// </summary>
internal static class ServeToken
{
    private const string TokenFileKey = "Balances:Serve:TokenFile";

    // A token is a line of text; a file much longer than any token (or endless, such as /dev/zero) is not one.
    private const int MaxLength = 4096;

    /// <summary>Reads the token, if one is asked for.</summary>
    /// <param name="settings">The command line's options.</param>
    /// <param name="configuration">The configuration, for the setting the command line does not give.</param>
    /// <returns>The token, or <see langword="null"/> to serve every endpoint without one.</returns>
    /// <exception cref="BalanceConfigurationException">The file cannot be read, or holds no token, or more than a token; the
    /// message names the file and never quotes it.</exception>
    public static string? Read(ServeSettings settings, IConfiguration configuration)
    {
        var (name, path) = settings.TokenFile is { } flag ? ("--token-file", flag) : (TokenFileKey, configuration[TokenFileKey]);
        if (path is null)
        {
            return null;
        }

        if (path.Length == 0)
        {
            throw new BalanceConfigurationException($"{name} is empty: the path of a file that holds the token is needed.");
        }

        var token = ReadFile(name, path).Trim();
        return token.Length > 0
            ? token
            : throw new BalanceConfigurationException($"{name} {CliText.Quote(path)} holds no token: it is empty or blank.");
    }

    private static string ReadFile(string name, string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[MaxLength + 1];
            var length = reader.ReadBlock(buffer);
            return length <= MaxLength
                ? new string(buffer, 0, length)
                : throw new BalanceConfigurationException(
                    $"{name} {CliText.Quote(path)} is longer than a token ({MaxLength} characters at most).");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BalanceConfigurationException($"{name} {CliText.Quote(path)} cannot be read: {CliText.Reason(exception)}", exception);
        }
    }
}
