using System.Reflection;
using BalanceClients.Tests.Testing;
using Xunit.Sdk;

namespace BalanceClients.Tests.History;

/// <summary>
/// Runs a theory on one kind of store (<c>[StoreKind(StoreKind.Sqlite)]</c> and <c>[StoreKind(StoreKind.PostgreSql)]</c> side by side:
/// one set of tests for both); on PostgreSQL it skips, with the reason stated, where Debian's <c>postgresql</c> is not installed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class StoreKindAttribute : DataAttribute
{
    public StoreKindAttribute(StoreKind kind)
    {
        Kind = kind;
        if (kind == StoreKind.PostgreSql && PostgreSqlServer.Missing is { } missing)
        {
            Skip = missing;
        }
    }

    public StoreKind Kind { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Kind]];
}
