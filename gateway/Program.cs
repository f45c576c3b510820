using PublicProtectionHub.Gateway;
using PublicProtectionHub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("gateway");
builder.AddGateway();

var app = builder.Build();

app.UseCorrelationId();
app.MapDefaultEndpoints();
app.UseGateway();

await app.RunAsync();
