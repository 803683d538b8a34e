namespace BalanceClients.Notifications;

/// <summary>The shape of the messages a webhook receives.</summary>
public enum WebhookFormat
{
    /// <summary>
    /// One JSON object per message: <c>provider</c>, <c>account</c>, <c>level</c>, <c>previousLevel</c>, <c>amounts</c>,
    /// <c>at</c>, and <c>error</c> when the check failed (configured as <c>json</c>).
    /// </summary>
    Json = 0,

    /// <summary>A Slack incoming webhook's <c>{ "text": "..." }</c>, one readable line (configured as <c>slack</c>).</summary>
    Slack = 1,
}
