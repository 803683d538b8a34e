using System.Text.Json.Serialization;
using BalanceClients.Generated.Antgst;
using BalanceClients.Generated.Lumenfall;
using BalanceClients.Generated.Mesh;
using BalanceClients.Generated.Telnyx;
using BalanceClients.Generated.Undrctrl;

namespace BalanceClients.Generation;

/// <summary>
/// Source-generated JSON metadata of what the generated clients write and read (request bodies, answers, error bodies, and
/// the types they hold): the only resolver of the clients' settings, so no client reads or writes JSON by reflection.
/// A type missing here fails at its first use, and in the tests.
/// </summary>
[JsonSerializable(typeof(UndrctrlBalanceRequest))]
[JsonSerializable(typeof(UndrctrlBalance))]
[JsonSerializable(typeof(UndrctrlError))]
[JsonSerializable(typeof(AntgstBalanceRequest))]
[JsonSerializable(typeof(AntgstBalanceResponse))]
[JsonSerializable(typeof(UserBalanceResponse))]
[JsonSerializable(typeof(Billing_Errors))]
[JsonSerializable(typeof(LumenfallBalance))]
[JsonSerializable(typeof(BalanceBrokerBaseRequest))]
[JsonSerializable(typeof(B2BBrokerAccountBalanceModelApiResult))]
[JsonSerializable(typeof(ApiResult))]
[JsonSerializable(typeof(object))] // Mesh's 401 and 403 answers: any JSON.
internal sealed partial class GeneratedClientJsonContext : JsonSerializerContext;
