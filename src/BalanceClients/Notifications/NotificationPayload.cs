using System.Buffers;
using System.Text.Json;
using BalanceClients.Output;

namespace BalanceClients.Notifications;

/// <summary>The body posted to a webhook, written straight to UTF-8 JSON (no reflection; amounts exact).</summary>
internal static class NotificationPayload
{
    /// <summary>The body of a message in a webhook's format.</summary>
    /// <param name="notification">The message.</param>
    /// <param name="format">The webhook's format.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    public static byte[] Of(BalanceNotification notification, WebhookFormat format)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (format == WebhookFormat.Slack)
            {
                writer.WriteStartObject();
                writer.WriteString("text", SlackText.Of(notification));
                writer.WriteEndObject();
            }
            else
            {
                WriteJson(writer, notification);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter writer, BalanceNotification notification)
    {
        writer.WriteStartObject();
        writer.WriteString("provider", notification.Provider);
        writer.WriteString("account", notification.Account);
        writer.WriteString("level", notification.Level.ToContractName());
        WriteLevelOrNull(writer, "previousLevel", notification.PreviousLevel);
        writer.WriteString("runwayLevel", notification.RunwayLevel.ToContractName());
        WriteLevelOrNull(writer, "previousRunwayLevel", notification.PreviousRunwayLevel);

        ResultJson.WriteAmounts(writer, "amounts", notification.Amounts);
        ResultJson.WriteRunway(writer, notification.Runway);
        writer.WriteString("at", ResultJson.Time(notification.At));
        if (notification.Error is not null)
        {
            ResultJson.WriteError(writer, notification.Error);
        }

        writer.WriteEndObject();
    }

    private static void WriteLevelOrNull(Utf8JsonWriter writer, string name, BalanceLevel? level)
    {
        if (level is { } value)
        {
            writer.WriteString(name, value.ToContractName());
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
