using PublicProtectionHub.Messaging;
using PublicProtectionHub.VictimContact;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("victim-contact");
builder.AddVictimContact();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapVictimContactEndpoints();

await app.RunServiceAsync<VictimContactDbContext>(args);
