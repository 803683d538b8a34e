namespace BalanceClients;

/// <summary>
/// Where an account stands against its thresholds. The numeric values are the ones <c>balances_level</c> exports;
/// from best to worst the order is <see cref="Ok"/>, <see cref="Warning"/>, <see cref="Unknown"/>, <see cref="Critical"/>.
/// </summary>
public enum BalanceLevel
{
    /// <summary>Every threshold is met, or none applies (<c>ok</c>).</summary>
    Ok = 0,

    /// <summary>An amount is below its warning threshold (<c>warning</c>).</summary>
    Warning = 1,

    /// <summary>An amount is below its critical threshold (<c>critical</c>).</summary>
    Critical = 2,

    /// <summary>The check failed, or a threshold's amount is missing or <see langword="null"/> (<c>unknown</c>).</summary>
    Unknown = 3,
}
