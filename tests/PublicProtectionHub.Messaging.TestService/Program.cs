using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using PublicProtectionHub.Messaging.TestService;

// Runs the backbone consumer as its own process, so a test can kill it mid-consume.
// Settings come from environment variables in the services' form (ConnectionStrings__Database, Messaging__*).
var settings = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => ((string)e.Key).Replace("__", ":"), e => (string?)e.Value);
var builder = BackboneHost.CreateBuilder(settings, consume: true, killAfterCommit: args.Contains("--kill-after-commit"));
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Logging.SetMinimumLevel(LogLevel.Information);
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

using var host = builder.Build();
await host.StartAsync();
Console.Out.WriteLine("consumer ready");
Console.Out.Flush();
await host.WaitForShutdownAsync();
