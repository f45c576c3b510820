using PublicProtectionHub.Messaging;
using PublicProtectionHub.RiskOfHarm;
using PublicProtectionHub.RiskOfHarm.Data;
using PublicProtectionHub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("risk-of-harm");
builder.AddRiskOfHarm();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRiskOfHarmEndpoints();

await app.RunServiceAsync<RiskOfHarmDbContext>(args);
