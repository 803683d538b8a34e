using System.Text.Json;
using BalanceClients.Configuration;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Cli.Inputs;

/// <summary><c>--config FILE</c>: a JSON object of settings, at most 1 MiB, read once and then given to configuration.</summary>
internal static class ConfigFile
{
    /// <summary>The most a configuration file may hold: far more than any real one, far less than a device can pour out.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Reads the file as configuration.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The file's settings.</returns>
    /// <exception cref="BalanceConfigurationException">It cannot be read, is too large, or is not a JSON object.</exception>
    public static async Task<IConfiguration> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var file = new InputFile("--config", path);
        using var content = await file.ReadAllAsync(MaxBytes, "1 MiB, the most a configuration file may hold", cancellationToken)
            .ConfigureAwait(false);
        if (content.Length == 0)
        {
            throw file.Error("the file is empty");
        }

        try
        {
            return new ConfigurationBuilder().AddJsonStream(content).Build();
        }
        catch (JsonException exception)
        {
            // The parser's own message may quote the offending character, which may belong to a secret: only the position is shown.
            throw file.Error($"not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})", exception);
        }
        catch (FormatException exception)
        {
            // Not an object at the top, or a key given twice: these messages name a kind or a key, never a value.
            throw file.Error(exception.Message.TrimEnd('.'), exception);
        }
        catch (InvalidOperationException exception)
        {
            // A string value of "\ud800": valid JSON, but no .NET string.
            throw file.Error("a string holds a lone UTF-16 surrogate escape", exception);
        }
    }
}
