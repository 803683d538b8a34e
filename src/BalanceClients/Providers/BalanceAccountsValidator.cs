using BalanceClients.Configuration;
using Microsoft.Extensions.Options;

namespace BalanceClients.Providers;

/// <summary>
/// Checks the accounts of <see cref="BalanceCheckerOptions"/>: each configured one complete and sendable, each made in code of a
/// known provider with its credentials type, none twice. Each failure is one line naming the setting, never a secret.
/// </summary>
/// <param name="names">How messages name settings.</param>
internal sealed class BalanceAccountsValidator(SettingNames names) : IValidateOptions<BalanceCheckerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BalanceCheckerOptions options)
    {
        var failures = new List<string>();
        ConfiguredAccounts.Of(options, names, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
