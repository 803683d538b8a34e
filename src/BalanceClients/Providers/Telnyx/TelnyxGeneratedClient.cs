using System.Text.Json;
using BalanceClients.Generation;
using BalanceClients.Providers;

namespace BalanceClients.Generated.Telnyx;

// Customisations of the generated Telnyx client, which is never edited by hand.
/// <summary>The Telnyx client generated from <c>specs/telnyx.yaml</c>; reads answers exactly as the spec describes them.</summary>
public partial class TelnyxClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => GeneratedClientJson.Configure(settings);
}

/// <summary>An answer of the Telnyx API that is not a success, or that could not be read.</summary>
public partial class TelnyxApiException : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => null;
}

/// <summary>A documented error answer of the Telnyx API, with its typed body in <c>Result</c>.</summary>
/// <typeparam name="TResult">The type of the error body.</typeparam>
public partial class TelnyxApiException<TResult> : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => Result;
}
