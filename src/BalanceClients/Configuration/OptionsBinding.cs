using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Configuration;

/// <summary>Binds the <c>Balances</c> section, reporting a value of the wrong type by its key and type, never by its value.</summary>
internal static partial class OptionsBinding
{
    private static readonly HashSet<string> TimeSpanSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(BalanceCheckerOptions.Timeout),
        nameof(ResilienceOptions.AttemptTimeout),
        nameof(ResilienceOptions.RetryBaseDelay),
        nameof(ResilienceOptions.MaxRetryAfter),
        nameof(BalanceThreshold.RunwayWarning),
        nameof(BalanceThreshold.RunwayCritical),
    };

    /// <summary>Binds the section onto the options.</summary>
    /// <param name="section">The <c>Balances</c> section.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="BalanceConfigurationException">A value cannot be converted to its setting's type.</exception>
    public static void Bind(IConfigurationSection section, BalanceCheckerOptions options)
    {
        RefuseBareNumbers(section, key => TimeSpanSettings.Contains(key[(key.LastIndexOf(':') + 1)..]));
        Translate(section, () =>
        {
            // Setting by setting: the options also hold accounts made in code, which configuration cannot make.
            options.Timeout = section.GetValue(nameof(options.Timeout), options.Timeout);
            options.MaxConcurrency = section.GetValue(nameof(options.MaxConcurrency), options.MaxConcurrency);
            section.GetSection(nameof(options.Providers)).Bind(options.Providers);
            section.GetSection(nameof(options.Thresholds)).Bind(options.Thresholds);

            // The binder skips an item of a collection that fails to bind, silently: a threshold, or a provider with every
            // account of it, would vanish. Binding each item on its own makes such a mistake an error.
            foreach (var provider in section.GetSection(nameof(options.Providers)).GetChildren())
            {
                provider.Bind(new ProviderOptions());
            }

            foreach (var threshold in section.GetSection(nameof(options.Thresholds)).GetChildren())
            {
                threshold.Bind(new BalanceThreshold());
            }
        });
    }

    /// <summary>Runs a binding, turning the binder's failure into a message that names the key and its type, never the value.</summary>
    /// <param name="section">The section bound, for the message when the key cannot be told.</param>
    /// <param name="bind">The binding.</param>
    /// <exception cref="BalanceConfigurationException">A value cannot be converted to its setting's type.</exception>
    public static void Translate(IConfigurationSection section, Action bind)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(bind);
        try
        {
            bind();
        }
        catch (InvalidOperationException exception)
        {
            // The binder's message quotes the value, which may be a secret typed into the wrong key: keep only its key and type.
            var match = FailedConversion().Match(exception.Message);
            var message = match.Success
                ? $"{match.Groups["key"].Value} is not a valid {TypeName(match.Groups["type"].Value)}."
                : $"The {section.Path} configuration has a value of the wrong type.";
            throw new BalanceConfigurationException(message, exception);
        }
    }

    /// <summary>Refuses a whole number where a time span is expected: .NET reads <c>30</c> as 30 days.</summary>
    /// <param name="section">The section.</param>
    /// <param name="isTimeSpan">Whether a key (its full path) holds a time span.</param>
    /// <exception cref="BalanceConfigurationException">A time span is written as a whole number.</exception>
    public static void RefuseBareNumbers(IConfigurationSection section, Func<string, bool> isTimeSpan)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(isTimeSpan);
        foreach (var (key, value) in section.AsEnumerable())
        {
            if (value is not null
                && isTimeSpan(key)
                && long.TryParse(
                    value.Trim(),
                    System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out _))
            {
                // Whoever wrote "30" meant seconds, and would wait a month for a provider that hangs.
                throw new BalanceConfigurationException(
                    $"{key} '{value.Trim()}' is a number of days to .NET: write a time span, 00:00:30 for 30 seconds.");
            }
        }
    }

    private static string TypeName(string type) =>
        type.Contains("TimeSpan", StringComparison.Ordinal) ? "time span (hh:mm:ss, or d.hh:mm:ss)"
        : type.Contains("Int32", StringComparison.Ordinal) ? "whole number"
        : type.Contains("Decimal", StringComparison.Ordinal) ? "decimal amount"
        : type.Contains("Boolean", StringComparison.Ordinal) ? "boolean (true or false)"
        : "value";

    [GeneratedRegex(@"at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FailedConversion();
}
