using System.Text.Json;
using BalanceClients.Generation;
using BalanceClients.Providers;

namespace BalanceClients.Generated.Undrctrl;

// Customisations of the generated Undrctrl client, which is never edited by hand.
/// <summary>The Undrctrl client generated from <c>specs/undrctrl.yaml</c>; reads answers exactly as the spec describes them.</summary>
public partial class UndrctrlClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => GeneratedClientJson.Configure(settings);
}

/// <summary>An answer of the Undrctrl API that is not a success, or that could not be read.</summary>
public partial class UndrctrlApiException : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => null;
}

/// <summary>A documented error answer of the Undrctrl API, with its typed body in <c>Result</c>.</summary>
/// <typeparam name="TResult">The type of the error body.</typeparam>
public partial class UndrctrlApiException<TResult> : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => Result;
}
