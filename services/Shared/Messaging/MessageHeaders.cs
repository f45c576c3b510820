namespace PublicProtectionHub.Messaging;

public static class MessageHeaders
{
    /// <summary>The outbox stream (usually the person) a message belongs to.</summary>
    public const string Stream = "PPH-Stream";
}
