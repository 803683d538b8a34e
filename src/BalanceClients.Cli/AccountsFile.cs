using System.Runtime.CompilerServices;
using System.Text.Json;
using BalanceClients.Configuration;

namespace BalanceClients.Cli;

/// <summary>
/// Reads <c>--accounts FILE</c>: JSON Lines, one account per line,
/// <c>{"provider": "mesh", "name": "acct-1", "credentials": {"ClientId": "...", ...}}</c>, lazily, one line at a time.
/// </summary>
internal static class AccountsFile
{
    /// <summary>Reads the accounts.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The accounts, in file order; blank lines are skipped.</returns>
    /// <exception cref="BalanceConfigurationException">A line is not a valid account; the message names the line.</exception>
    public static async IAsyncEnumerable<BalanceAccount> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse(line, $"line {number} of {Path.GetFileName(path)}");
            }
        }
    }

    private static BalanceAccount Parse(string line, string location)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new BalanceConfigurationException($"{location} is not JSON.", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("provider", out var provider) || provider.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString())
                || !root.TryGetProperty("credentials", out var credentials) || credentials.ValueKind != JsonValueKind.Object)
            {
                throw new BalanceConfigurationException($"{location} needs \"provider\", \"name\" and a \"credentials\" object.");
            }

            var settings = credentials.EnumerateObject()
                .Where(property => property.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(property => property.Name, property => property.Value.GetString(), StringComparer.OrdinalIgnoreCase);
            try
            {
                return BalanceAccount.FromSettings(provider.GetString()!, name.GetString()!, settings);
            }
            catch (BalanceConfigurationException exception)
            {
                throw new BalanceConfigurationException($"{location}: {exception.Message}", exception);
            }
        }
    }
}
