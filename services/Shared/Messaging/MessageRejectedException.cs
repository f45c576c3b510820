namespace PublicProtectionHub.Messaging;

/// <summary>
/// Thrown by a consumer for a message that can never succeed (invalid content): it is not
/// retried and goes straight to the error queue. Keep the message free of the message's data.
/// </summary>
public sealed class MessageRejectedException(string reason) : Exception(reason);
