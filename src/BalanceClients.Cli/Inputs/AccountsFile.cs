using System.Text.Json;
using BalanceClients.Configuration;

namespace BalanceClients.Cli.Inputs;

/// <summary>
/// <c>--accounts FILE</c>: JSON Lines, one account per line,
/// <c>{"provider": "mesh", "name": "acct-1", "credentials": {"ClientId": "...", ...}}</c>. The whole file is read and checked,
/// one line at a time, before any provider is called, so that a mistake anywhere stops the run; its accounts are then held in
/// memory (a few hundred bytes each), so it is read once and may be a pipe.
/// </summary>
internal sealed class AccountsFile
{
    /// <summary>The longest line allowed: far more than any account takes, little memory however long a line is.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private static readonly JsonDocumentOptions LineOptions = new() { AllowDuplicateProperties = false };

    private AccountsFile(IReadOnlyList<BalanceAccount> accounts)
    {
        Accounts = accounts;
        Providers = accounts.Select(account => account.Provider).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The accounts, in file order.</summary>
    public IReadOnlyList<BalanceAccount> Accounts { get; }

    /// <summary>The ids of the providers the file has accounts of.</summary>
    public IReadOnlySet<string> Providers { get; }

    /// <summary>Reads and checks the whole file.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>Its accounts.</returns>
    /// <exception cref="BalanceConfigurationException">
    /// The file cannot be read, holds no account, or a line is too long, not an account, or an account already given; the
    /// message names the line.
    /// </exception>
    public static async Task<AccountsFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var file = new InputFile("--accounts", path);
        using var stream = file.Open();
        var accounts = new List<BalanceAccount>();
        var firstLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var reader = new LineReader(stream, MaxLineBytes);
        while (await ReadLineAsync(file, reader, cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (Parse(file, line, reader.LineNumber) is not { } account)
            {
                continue;
            }

            // Provider ids are already in their one spelling; names are compared as the library compares them, ignoring case.
            if (!firstLines.TryAdd(account.ToString(), reader.LineNumber))
            {
                throw new BalanceConfigurationException(
                    $"{Location(file, reader.LineNumber)}: {account.Provider} {CliText.Quote(account.Name)} is the same account as line "
                    + $"{firstLines[account.ToString()]} (names are compared ignoring case).");
            }

            accounts.Add(account);
        }

        return accounts.Count == 0 ? throw file.Error("no accounts in the file") : new AccountsFile(accounts);
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadLineAsync(InputFile file, LineReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            throw new BalanceConfigurationException(
                $"{Location(file, reader.LineNumber)} is longer than {MaxLineBytes / 1024} KiB.",
                exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw file.Error(file.Reason(exception), exception);
        }
    }

    // Null for a blank line.
    private static BalanceAccount? Parse(InputFile file, ReadOnlyMemory<byte> line, int number)
    {
        if (number == 1 && line.Span.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        if (line.Span.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        var location = Location(file, number);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, LineOptions);
        }
        catch (JsonException exception)
        {
            // The parser's message may quote part of the line, which may be a secret.
            throw new BalanceConfigurationException($"{location} is not valid JSON (each key may appear once).", exception);
        }

        (string Provider, string Name, Dictionary<string, string?> Credentials) fields;
        using (document)
        {
            try
            {
                fields = Fields(document.RootElement, location);
            }
            catch (InvalidOperationException exception)
            {
                // GetString() of "\ud800": valid JSON, but no .NET string.
                throw new BalanceConfigurationException($"{location}: a string holds a lone UTF-16 surrogate escape.", exception);
            }
        }

        try
        {
            return BalanceAccount.FromSettings(fields.Provider, fields.Name, fields.Credentials);
        }
        catch (BalanceConfigurationException exception)
        {
            throw new BalanceConfigurationException($"{location}: {exception.Message}", exception);
        }
    }

    private static (string Provider, string Name, Dictionary<string, string?> Credentials) Fields(JsonElement root, string location)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("provider", out var provider) || provider.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(name.GetString())
            || !root.TryGetProperty("credentials", out var credentials) || credentials.ValueKind != JsonValueKind.Object)
        {
            throw new BalanceConfigurationException($"{location} needs \"provider\", \"name\" and a \"credentials\" object.");
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var credential in credentials.EnumerateObject())
        {
            if (credential.Value.ValueKind != JsonValueKind.String)
            {
                throw new BalanceConfigurationException($"{location}: credentials.{CliText.Printable(credential.Name)} must be a string.");
            }

            if (!settings.TryAdd(credential.Name, credential.Value.GetString()))
            {
                throw new BalanceConfigurationException($"{location}: credentials.{CliText.Printable(credential.Name)} is given twice.");
            }
        }

        return (provider.GetString()!, name.GetString()!, settings);
    }

    private static string Location(InputFile file, int number) => $"line {number} of {CliText.Printable(file.Name)}";
}
