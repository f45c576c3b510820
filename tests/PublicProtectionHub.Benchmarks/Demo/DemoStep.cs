using PublicProtectionHub.Benchmarks.PublicApi;

namespace PublicProtectionHub.Benchmarks.Demo;

/// <summary>One step of the scenario: what it does through the public API, and which deliveries are its consequence.</summary>
internal sealed record DemoStep(string Label, string Title, string Explanation, Func<Task> PlayAsync, Func<Delivery, bool> IsAbout);
