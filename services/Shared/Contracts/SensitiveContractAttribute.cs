namespace PublicProtectionHub.Contracts;

/// <summary>
/// Marks a contract whose failures must not be broadcast as <c>Fault&lt;T&gt;</c>:
/// the fault would copy the message to every fault subscriber.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SensitiveContractAttribute : Attribute;
