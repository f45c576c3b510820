using System.Reflection;
using MassTransit;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.Messaging;

/// <summary>
/// Drops <c>Fault&lt;T&gt;</c> for contracts marked <see cref="SensitiveContractAttribute"/>: a fault
/// copies the message to every fault subscriber. The failed message still goes to its error queue.
/// </summary>
public sealed class SensitiveFaultFilter<TMessage> : IFilter<PublishContext<TMessage>>
    where TMessage : class
{
    private static readonly bool Suppressed = IsFaultOfSensitive(typeof(TMessage));

    public Task Send(PublishContext<TMessage> context, IPipe<PublishContext<TMessage>> next) =>
        Suppressed ? Task.CompletedTask : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("sensitive-fault");

    internal static bool IsFaultOfSensitive(Type type) =>
        type.IsGenericType
        && type.GetGenericTypeDefinition() == typeof(Fault<>)
        && type.GetGenericArguments()[0].GetCustomAttribute<SensitiveContractAttribute>() is not null;
}
