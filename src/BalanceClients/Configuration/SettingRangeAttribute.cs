using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace BalanceClients.Configuration;

/// <summary>
/// The range a setting accepts, both ends included: a whole number, a number, or a time span written as configuration writes it
/// (<c>00:00:10</c>, <c>1.00:00:00</c>). Checked by the options' source-generated validators; the message names the setting
/// (<see cref="SettingName"/>) and the bounds in words (<c>10 seconds</c>, <c>1 day</c>), never the value.
/// </summary>
/// <remarks>
/// Not <see cref="RangeAttribute"/>: the options validator generator of .NET 10 replaces it with a copy that ignores
/// <see cref="ValidationAttribute.ErrorMessage"/> (dotnet/runtime#123137), and its result names the member, which the options'
/// failure then prefixes to the message (<c>Timeout: ...</c>).
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class SettingRangeAttribute : ValidationAttribute
{
    private readonly IComparable _minimum;
    private readonly IComparable? _maximum;

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    /// <param name="minimum">The least value accepted.</param>
    /// <param name="maximum">The greatest value accepted.</param>
    public SettingRangeAttribute(int minimum, int maximum)
        : this((IComparable)minimum, maximum, Text(minimum), Text(maximum))
    {
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    /// <param name="minimum">The least value accepted.</param>
    public SettingRangeAttribute(int minimum)
        : this((IComparable)minimum, null, Text(minimum), null)
    {
    }

    /// <summary>A number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    /// <param name="minimum">The least value accepted.</param>
    /// <param name="maximum">The greatest value accepted.</param>
    public SettingRangeAttribute(double minimum, double maximum)
        : this((IComparable)minimum, maximum, Text(minimum), Text(maximum))
    {
    }

    /// <summary>A time span from <paramref name="minimum"/> to <paramref name="maximum"/> (<c>d.hh:mm:ss.fff</c>).</summary>
    /// <param name="minimum">The least value accepted.</param>
    /// <param name="maximum">The greatest value accepted.</param>
    public SettingRangeAttribute(string minimum, string maximum)
        : this(Parse(minimum), Parse(maximum))
    {
    }

    /// <summary>A time span of at least <paramref name="minimum"/> (<c>d.hh:mm:ss.fff</c>).</summary>
    /// <param name="minimum">The least value accepted.</param>
    public SettingRangeAttribute(string minimum)
        : this(Parse(minimum), null)
    {
    }

    private SettingRangeAttribute(TimeSpan minimum, TimeSpan? maximum)
        : this(minimum, maximum, Describe(minimum), maximum is { } max ? Describe(max) : null)
    {
    }

    private SettingRangeAttribute(IComparable minimum, IComparable? maximum, string minimumText, string? maximumText)
        : base(maximumText is null ? "{0} must be at least {1}." : "{0} must be between {1} and {2}.")
    {
        _minimum = minimum;
        _maximum = maximum;
        MinimumText = minimumText;
        MaximumText = maximumText;
    }

    /// <summary>The least value accepted, in words (<c>10 ms</c>, <c>1</c>).</summary>
    public string MinimumText { get; }

    /// <summary>The greatest value accepted, in words; <see langword="null"/> when there is none.</summary>
    public string? MaximumText { get; }

    /// <summary>Whether a value is in the range; <see langword="null"/> (an optional setting that is not set) is.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is accepted.</returns>
    public override bool IsValid(object? value) =>
        value is null || (_minimum.CompareTo(value) <= 0 && (_maximum is null || _maximum.CompareTo(value) >= 0));

    /// <summary>The message of a value outside the range.</summary>
    /// <param name="name">The setting's name.</param>
    /// <returns>The message.</returns>
    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, ErrorMessageString, name, MinimumText, MaximumText);

    /// <summary>Checks a value that no property holds (an entry of a dictionary, say) against this range.</summary>
    /// <param name="value">The value.</param>
    /// <param name="settingName">The setting's name for the message.</param>
    /// <returns>The message, or <see langword="null"/> when the value is in the range.</returns>
    public string? ProblemWith(object value, string settingName) => IsValid(value) ? null : FormatErrorMessage(settingName);

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : new ValidationResult(FormatErrorMessage(SettingName.Of(validationContext)));

    /// <summary>A time span in words, in its largest whole unit: <c>0</c>, <c>10 ms</c>, <c>1 minute</c>, <c>3650 days</c>.</summary>
    /// <param name="value">The time span.</param>
    /// <returns>The words.</returns>
    internal static string Describe(TimeSpan value) =>
        value == TimeSpan.Zero ? "0"
        : value.Ticks % TimeSpan.TicksPerDay == 0 ? Count(value.Ticks / TimeSpan.TicksPerDay, "day")
        : value.Ticks % TimeSpan.TicksPerHour == 0 ? Count(value.Ticks / TimeSpan.TicksPerHour, "hour")
        : value.Ticks % TimeSpan.TicksPerMinute == 0 ? Count(value.Ticks / TimeSpan.TicksPerMinute, "minute")
        : value.Ticks % TimeSpan.TicksPerSecond == 0 ? Count(value.Ticks / TimeSpan.TicksPerSecond, "second")
        : $"{value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms";

    private static string Count(long count, string unit) =>
        count == 1 ? $"1 {unit}" : $"{count.ToString(CultureInfo.InvariantCulture)} {unit}s";

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static TimeSpan Parse(string value) => TimeSpan.Parse(value, CultureInfo.InvariantCulture);
}
