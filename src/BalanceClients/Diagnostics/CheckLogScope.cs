using System.Collections;

namespace BalanceClients.Diagnostics;

/// <summary>The logging scope of one account's check: its provider and account, as structured values.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Account">The account's name.</param>
internal sealed record CheckLogScope(string Provider, string Account) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <inheritdoc />
    public int Count => 2;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(nameof(Provider), Provider),
        1 => new(nameof(Account), Account),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"{Provider}/{Account}";
}
