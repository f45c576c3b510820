using System.Diagnostics;
using MassTransit;

namespace PublicProtectionHub.Messaging.TestService;

/// <summary>
/// Sits outside the inbox: once the consumer's effect has committed, and before MassTransit can
/// acknowledge the message, the process kills itself — the crash the inbox must survive.
/// </summary>
public sealed class KillAfterCommitFilter<TMessage> : IFilter<ConsumeContext<TMessage>> where TMessage : class
{
    public static bool Armed { get; set; }

    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        await next.Send(context);
        if (!Armed) return;
        Console.Out.WriteLine($"killing myself after committing {context.MessageId}");
        Console.Out.Flush();
        Process.GetCurrentProcess().Kill();
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("kill-after-commit");
}
