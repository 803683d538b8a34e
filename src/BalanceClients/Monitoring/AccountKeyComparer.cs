namespace BalanceClients.Monitoring;

/// <summary>Compares accounts by provider id and name, ignoring case, as configuration does.</summary>
internal sealed class AccountKeyComparer : IEqualityComparer<(string Provider, string Account)>
{
    /// <summary>The comparer.</summary>
    public static AccountKeyComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals((string Provider, string Account) x, (string Provider, string Account) y) =>
        string.Equals(x.Provider, y.Provider, StringComparison.OrdinalIgnoreCase)
        && string.Equals(x.Account, y.Account, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public int GetHashCode((string Provider, string Account) obj) =>
        HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Provider),
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Account));
}
