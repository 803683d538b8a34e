using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace BalanceClients.Configuration;

/// <summary>
/// A setting that must be set: not <see langword="null"/>, nor an empty or blank text. Checked by the options' source-generated
/// validators; the message names the setting (<see cref="SettingName"/>): <c>{0} is not set.</c> unless
/// <see cref="ValidationAttribute.ErrorMessage"/> says more.
/// </summary>
/// <remarks>
/// <see cref="RequiredAttribute"/>'s own result names the member, which the options' failure would prefix to the message.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class SettingRequiredAttribute : RequiredAttribute
{
    /// <summary>Creates the attribute, with the message <c>{0} is not set.</c></summary>
    public SettingRequiredAttribute() => ErrorMessage = "{0} is not set.";

    /// <summary>The message of a setting that is not set.</summary>
    /// <param name="name">The setting's name.</param>
    /// <returns>The message.</returns>
    public override string FormatErrorMessage(string name) => string.Format(CultureInfo.InvariantCulture, ErrorMessageString, name);

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : new ValidationResult(FormatErrorMessage(SettingName.Of(validationContext)));
}
