using PublicProtectionHub.Messaging;
using PublicProtectionHub.TelephoneMonitoring;
using PublicProtectionHub.TelephoneMonitoring.Data;
using PublicProtectionHub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("telephone-monitoring");
builder.AddTelephoneMonitoring();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapTelephoneMonitoringEndpoints();

await app.RunServiceAsync<TelephoneMonitoringDbContext>(args);
