namespace BalanceClients.Notifications;

/// <summary>One message to one webhook: its Standard Webhooks id, the same on every attempt, and its body.</summary>
/// <param name="Id">The <c>webhook-id</c>, unique per message.</param>
/// <param name="Body">The UTF-8 JSON body.</param>
internal sealed record WebhookMessage(string Id, byte[] Body);
