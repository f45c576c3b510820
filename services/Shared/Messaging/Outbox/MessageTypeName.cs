using System.Collections.Concurrent;

namespace PublicProtectionHub.Messaging.Outbox;

/// <summary>Stable "Namespace.Type, Assembly" names for outbox rows, without versions.</summary>
internal static class MessageTypeName
{
    private static readonly ConcurrentDictionary<string, Type?> Resolved = new();

    public static string Of(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Resolved.GetOrAdd(name, n => Type.GetType(n, throwOnError: false))
        ?? throw new InvalidOperationException("An outbox row names a message type this service does not know.");
}
