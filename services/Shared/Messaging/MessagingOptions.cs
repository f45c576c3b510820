using System.ComponentModel.DataAnnotations;

namespace PublicProtectionHub.Messaging;

public enum QueueType { Classic, Quorum }

/// <summary>Bound from the <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    [Required] public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public int Port { get; set; } = 5672;
    [Required] public string VirtualHost { get; set; } = "/";
    [Required] public string Username { get; set; } = "guest";
    [Required] public string Password { get; set; } = "guest";
    public QueueType QueueType { get; set; } = QueueType.Quorum;
    [Range(1, 7)] public int QuorumReplicas { get; set; } = 1;

    /// <summary>In-memory retry intervals in milliseconds before a message goes to the error queue.</summary>
    public int[] RetryIntervalsMs { get; set; } = [100, 500, 2000];

    public int PrefetchCount { get; set; } = 32;
}
