using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace BalanceClients.Configuration;

/// <summary>
/// Binds a section of configuration onto options with the binder's generated code, refusing what it would misread. A value the
/// binder cannot convert is named by its key and by the kind of value the key holds; a whole number where a time span belongs is
/// refused, since .NET reads <c>30</c> as 30 days. Both are found key by key, by binding each value alone into fresh options,
/// never from the binder's message, whose wording is the runtime's and which quotes the value (perhaps a secret in the wrong key).
/// </summary>
internal static class SectionBinding
{
    // A value each kind of key accepts, tried in this order, and what the message says of a value it refused: a key that takes
    // any text but refused one is a URL; a boolean takes none of the later samples, a time span no "1.5", a number no "00:00:01".
    private static readonly (string Sample, string Refused)[] Kinds =
    [
        ("text", "is not a valid URL: an absolute http:// or https:// URL is needed."),
        ("true", "is not a valid boolean (true or false)."),
        ("00:00:01", "is not a valid time span (hh:mm:ss, or d.hh:mm:ss)."),
        ("1.5", "is not a valid decimal amount."),
        ("1", "is not a valid whole number."),
    ];

    /// <summary>Binds the section onto the options.</summary>
    /// <typeparam name="TOptions">The options' type.</typeparam>
    /// <param name="section">The section.</param>
    /// <param name="options">The options.</param>
    /// <param name="bind">What the section sets on the options: <c>static (section, options) =&gt; section.Bind(options)</c>, as a
    /// lambda so that the binder's generator sees the options' type.</param>
    /// <param name="names">How a message names a setting (the variable its value came from, say); by default its key.</param>
    /// <exception cref="BalanceConfigurationException">A value cannot be converted, or a time span is a whole number.</exception>
    public static void Bind<TOptions>(
        IConfigurationSection section,
        TOptions options,
        Action<IConfiguration, TOptions> bind,
        SettingNames? names = null)
        where TOptions : new()
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(bind);
        var values = section.AsEnumerable().Where(pair => pair.Value is not null).ToList();
        foreach (var (key, value) in values)
        {
            if (IsWholeNumber(value!) && IsTimeSpan(section, key, bind))
            {
                // Whoever wrote "30" meant seconds, and would wait a month for a provider that hangs.
                throw new BalanceConfigurationException(
                    $"{key} '{value!.Trim()}' is a number of days to .NET: write a time span, 00:00:30 for 30 seconds.");
            }
        }

        try
        {
            bind(section, options);
        }
        catch (InvalidOperationException exception)
        {
            var refused = values.FirstOrDefault(pair => !Accepts(section, pair.Key, pair.Value!, bind)).Key;
            throw new BalanceConfigurationException(
                refused is null
                    ? $"The {section.Path} configuration has a value of the wrong type."
                    : $"{(names ?? SettingNames.Keys).Of(refused)} {Refusal(section, refused, bind)}",
                exception);
        }
    }

    private static bool IsWholeNumber(string value) =>
        long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    private static bool IsTimeSpan<TOptions>(IConfigurationSection section, string key, Action<IConfiguration, TOptions> bind)
        where TOptions : new() =>
        Accepts(section, key, "00:00:01", bind) && !Accepts(section, key, "1.5", bind);

    private static string Refusal<TOptions>(IConfigurationSection section, string key, Action<IConfiguration, TOptions> bind)
        where TOptions : new() =>
        Kinds.FirstOrDefault(kind => Accepts(section, key, kind.Sample, bind)).Refused ?? "is not one of the values it accepts.";

    // Whether the key, holding this value and nothing else set beside it, binds onto fresh options.
    private static bool Accepts<TOptions>(IConfigurationSection section, string key, string value, Action<IConfiguration, TOptions> bind)
        where TOptions : new()
    {
        var alone = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build().GetSection(section.Path);
        try
        {
            bind(alone, new TOptions());
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or BalanceConfigurationException)
        {
            return false;
        }
    }
}
