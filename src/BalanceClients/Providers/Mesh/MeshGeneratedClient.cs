using System.Text.Json;
using BalanceClients.Generation;
using BalanceClients.Providers;

namespace BalanceClients.Generated.Mesh;

// Customisations of the generated Mesh client, which is never edited by hand.
/// <summary>The Mesh client generated from <c>specs/mesh.yaml</c>; reads answers exactly as the spec describes them.</summary>
public partial class MeshClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => GeneratedClientJson.Configure(settings);
}

/// <summary>An answer of the Mesh API that is not a success, or that could not be read.</summary>
public partial class MeshApiException : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => null;
}

/// <summary>A documented error answer of the Mesh API, with its typed body in <c>Result</c>.</summary>
/// <typeparam name="TResult">The type of the error body.</typeparam>
public partial class MeshApiException<TResult> : IGeneratedApiException
{
    object? IGeneratedApiException.ErrorBody => Result;
}
