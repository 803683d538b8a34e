using System.Text.Json;
using BalanceClients.Generation;
using BalanceClients.Providers;

namespace BalanceClients.Generated.Antgst;

// Customisations of the generated Antgst client, which is never edited by hand.
/// <summary>The Antgst client generated from <c>specs/antgst.yaml</c>; reads answers exactly as the spec describes them.</summary>
public partial class AntgstClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => GeneratedClientJson.Configure(settings);
}

/// <summary>An answer of the Antgst API that is not a success, or that could not be read.</summary>
public partial class AntgstApiException : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => null;
}

/// <summary>A documented error answer of the Antgst API, with its typed body in <c>Result</c>.</summary>
/// <typeparam name="TResult">The type of the error body.</typeparam>
public partial class AntgstApiException<TResult> : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => Result;
}
