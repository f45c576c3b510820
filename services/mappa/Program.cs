using PublicProtectionHub.Messaging;
using PublicProtectionHub.Mappa;
using PublicProtectionHub.Mappa.Data;
using PublicProtectionHub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("mappa");
builder.AddMappa();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapMappaEndpoints();

await app.RunServiceAsync<MappaDbContext>(args);
