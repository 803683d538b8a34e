namespace BalanceClients.Providers;

/// <summary>The credentials of one provider account. Implementations never print their secrets.</summary>
public interface IAccountCredentials
{
    /// <summary>The secret values these credentials hold, so that they can be redacted wherever text leaves the library.</summary>
    IEnumerable<string> Secrets { get; }
}
