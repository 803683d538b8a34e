using System.Text.Json;
using BalanceClients.Generation;
using BalanceClients.Providers;

namespace BalanceClients.Generated.Lumenfall;

// Customisations of the generated Lumenfall client, which is never edited by hand.
/// <summary>The Lumenfall client generated from <c>specs/lumenfall.yaml</c>; reads answers exactly as the spec describes them.</summary>
public partial class LumenfallClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => GeneratedClientJson.Configure(settings);
}

/// <summary>An answer of the Lumenfall API that is not a success, or that could not be read.</summary>
public partial class LumenfallApiException : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => null;
}

/// <summary>A documented error answer of the Lumenfall API, with its typed body in <c>Result</c>.</summary>
/// <typeparam name="TResult">The type of the error body.</typeparam>
public partial class LumenfallApiException<TResult> : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => Result;
}
