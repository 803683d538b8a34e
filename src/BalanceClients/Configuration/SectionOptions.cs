using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BalanceClients.Configuration;

/// <summary>
/// How every feature registers its options: bound from its section of configuration (<see cref="SectionBinding"/>), following
/// reloads, and validated on start by its source-generated validator handed the section's path, so that each message names a
/// configuration key.
/// </summary>
internal static class SectionOptions
{
    /// <summary>Registers options validated on start by a source-generated validator that names their keys.</summary>
    /// <typeparam name="TOptions">The options' type.</typeparam>
    /// <typeparam name="TValidator">The options' source-generated validator (<c>[OptionsValidator]</c>).</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The options' section path (<c>Balances:Monitor</c>), which messages name keys under.</param>
    /// <returns>The options' builder.</returns>
    public static OptionsBuilder<TOptions> AddSectionOptions<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SectionValidator<TOptions, TValidator>>(_ => new(section)));
        return services.AddOptions<TOptions>().ValidateOnStart();
    }

    /// <summary>Binds the options from their section of a configuration, and follows its reloads.</summary>
    /// <typeparam name="TOptions">The options' type.</typeparam>
    /// <param name="builder">The options' builder.</param>
    /// <param name="configuration">The configuration.</param>
    /// <param name="section">The options' section path.</param>
    /// <param name="bind">What the section sets on the options (see <see cref="SectionBinding.Bind"/>).</param>
    /// <param name="names">How a message names a setting; by default its key.</param>
    /// <returns>The builder.</returns>
    public static OptionsBuilder<TOptions> BindSection<TOptions>(
        this OptionsBuilder<TOptions> builder,
        IConfiguration configuration,
        string section,
        Action<IConfiguration, TOptions> bind,
        SettingNames? names = null)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var configurationSection = configuration.GetSection(section);
        builder.Configure(options => SectionBinding.Bind(configurationSection, options, bind, names));
        builder.Services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(
            new ConfigurationChangeTokenSource<TOptions>(builder.Name, configurationSection));
        return builder;
    }

    /// <summary>Runs a source-generated validator with the section's path as the name its messages start from.</summary>
    /// <param name="section">The section's path.</param>
    private sealed class SectionValidator<TOptions, TValidator>(string section) : IValidateOptions<TOptions>
        where TOptions : class
        where TValidator : IValidateOptions<TOptions>, new()
    {
        private readonly TValidator _validator = new();

        public ValidateOptionsResult Validate(string? name, TOptions options) => _validator.Validate(section, options);
    }
}
