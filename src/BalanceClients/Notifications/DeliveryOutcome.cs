namespace BalanceClients.Notifications;

/// <summary>How posting one message to one webhook ended.</summary>
/// <param name="Delivered">Whether the webhook answered 2xx.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Failure">Why the last attempt failed (a status, a timeout; never the URL); <see langword="null"/> when delivered.</param>
internal readonly record struct DeliveryOutcome(bool Delivered, int Attempts, string? Failure);
