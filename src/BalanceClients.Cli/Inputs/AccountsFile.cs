using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using BalanceClients.Configuration;

namespace BalanceClients.Cli.Inputs;

/// <summary>
/// <c>--accounts FILE</c>: JSON Lines, one account per line,
/// <c>{"provider": "mesh", "name": "acct-1", "credentials": {"ClientId": "...", ...}}</c>. The whole file is validated first,
/// streaming it, so that a mistake anywhere stops the run before any provider is called; then it is read again, one line at a
/// time, to check the accounts, and each line must be what it was when it was validated.
/// </summary>
internal sealed class AccountsFile
{
    /// <summary>The longest line allowed: far more than any account takes, little memory however long a line is.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private static readonly JsonDocumentOptions LineOptions = new() { AllowDuplicateProperties = false };
    private readonly InputFile _file;

    // A digest of every line as validated: the second reading compares each line with it, without keeping the file in memory.
    private readonly List<long> _lineDigests;

    private AccountsFile(InputFile file, List<long> lineDigests, IReadOnlySet<string> providers)
    {
        _file = file;
        _lineDigests = lineDigests;
        Providers = providers;
    }

    /// <summary>The ids of the providers the file has accounts of.</summary>
    public IReadOnlySet<string> Providers { get; }

    /// <summary>Why the second reading stopped before the end, if it did: the file changed after it was validated.</summary>
    public string? Changed { get; private set; }

    /// <summary>Reads and validates the whole file.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The validated file, ready to be read again by <see cref="ReadAsync"/>.</returns>
    /// <exception cref="BalanceConfigurationException">
    /// The file cannot be read, is not a regular file, holds no account, or a line is too long, not an account, or an account
    /// already given; the message names the line.
    /// </exception>
    public static async Task<AccountsFile> ValidateAsync(string path, CancellationToken cancellationToken)
    {
        var file = new InputFile("--accounts", path);
        using var stream = file.Open();
        if (!stream.CanSeek)
        {
            throw file.Error("not a regular file: it is read twice, once to validate every line and once to check the accounts");
        }

        var digests = new List<long>();
        var firstLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var providers = new HashSet<string>(StringComparer.Ordinal);
        var reader = new LineReader(stream, MaxLineBytes);
        while (await ReadLineAsync(file, reader, cancellationToken).ConfigureAwait(false) is { } line)
        {
            digests.Add(Digest(line.Span));
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

            providers.Add(account.Provider);
        }

        return firstLines.Count == 0 ? throw file.Error("no accounts in the file") : new AccountsFile(file, digests, providers);
    }

    /// <summary>
    /// Reads the accounts again, lazily, one line at a time. A line that is no longer what it was, or a file that can no longer be
    /// read, ends the accounts there and says why in <see cref="Changed"/>: the accounts already read are still checked and reported.
    /// </summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The accounts, in file order.</returns>
    public async IAsyncEnumerable<BalanceAccount> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stream = OpenAgain();
        if (stream is null)
        {
            yield break;
        }

        var reader = new LineReader(stream, MaxLineBytes);
        while (await NextAsync(reader, cancellationToken).ConfigureAwait(false) is { } account)
        {
            yield return account;
        }
    }

    private FileStream? OpenAgain()
    {
        if (_file.TryOpen(out var stream, out var reason))
        {
            return stream;
        }

        Change($"it cannot be read again: {reason}");
        return null;
    }

    // Never throws but for cancellation: a failure here would cancel the checks already under way.
    private async Task<BalanceAccount?> NextAsync(LineReader reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                var index = reader.LineNumber - 1;
                if (index >= _lineDigests.Count)
                {
                    return Change($"line {reader.LineNumber} is new");
                }

                if (Digest(line.Span) != _lineDigests[index])
                {
                    return Change($"line {reader.LineNumber} is not what it was");
                }

                if (Parse(_file, line, reader.LineNumber) is { } account)
                {
                    return account;
                }
            }

            return reader.LineNumber < _lineDigests.Count
                ? Change($"it now ends after line {reader.LineNumber} of {_lineDigests.Count}")
                : null;
        }
        catch (InvalidDataException)
        {
            return Change($"line {reader.LineNumber} is not what it was");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Change($"line {reader.LineNumber + 1} {_file.Reason(exception)}");
        }
    }

    private BalanceAccount? Change(string why)
    {
        Changed = $"--accounts {CliText.Quote(_file.Path)}: the file changed while its accounts were being checked ({why}); "
            + "the accounts from there on were not checked.";
        return null;
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

    private static long Digest(ReadOnlySpan<byte> line)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(line, hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }
}
