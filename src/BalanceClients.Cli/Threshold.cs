using System.Globalization;

namespace BalanceClients.Cli;

/// <summary>A <c>--min</c> threshold: on a provider's primary amount (<c>telnyx=100</c>) or on one kind (<c>mesh.cash=50</c>).</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Kind">The kind of amount, or <see langword="null"/> for the primary one.</param>
/// <param name="Minimum">The amount below which a balance is low.</param>
internal sealed record Threshold(string Provider, string? Kind, decimal Minimum)
{
    /// <summary>Parses <c>ID=AMOUNT</c> or <c>ID.KIND=AMOUNT</c>, checking the provider and kind exist.</summary>
    /// <param name="text">The option's value.</param>
    /// <param name="threshold">The threshold, when valid.</param>
    /// <param name="error">Why it is not, otherwise.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool TryParse(string text, out Threshold threshold, out string error)
    {
        threshold = null!;
        var quoted = CliText.Quote(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"--min {quoted}: expected ID=AMOUNT or ID.KIND=AMOUNT.";
            return false;
        }

        var target = text[..equals].Trim();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        var providerId = dot < 0 ? target : target[..dot];
        var kind = dot < 0 ? null : target[(dot + 1)..];
        if (ProviderInfo.Find(providerId) is not { } provider)
        {
            error = $"--min {quoted}: {CliText.Quote(providerId)} is not a provider ({string.Join(", ", ProviderInfo.All.Select(p => p.Id))}).";
            return false;
        }

        if (kind is not null && !provider.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            error = $"--min {quoted}: {providerId} has no amount of kind {CliText.Quote(kind)} ({string.Join(", ", provider.Kinds)}).";
            return false;
        }

        if (!decimal.TryParse(text[(equals + 1)..].Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minimum))
        {
            error = $"--min {quoted}: the amount is not a number.";
            return false;
        }

        threshold = new Threshold(providerId, kind, minimum);
        error = string.Empty;
        return true;
    }

    /// <summary>Whether this threshold applies to an amount of a provider.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="amount">The amount.</param>
    /// <returns>Whether the amount is the one this threshold is about.</returns>
    public bool Applies(string provider, BalanceAmount amount) =>
        provider == Provider && (Kind is null ? amount.IsPrimary : amount.Kind == Kind);
}
