using PublicProtectionHub.Messaging;
using PublicProtectionHub.Identity;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("identity");
builder.AddIdentity();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapIdentityEndpoints();

await app.RunServiceAsync<IdentityDbContext>(args);
