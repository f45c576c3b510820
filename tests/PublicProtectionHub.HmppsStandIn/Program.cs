using PublicProtectionHub.HmppsStandIn;
using PublicProtectionHub.ServiceDefaults;

// Stands in for the HMPPS APIs that domain events' detailUrl points at (prisoner search, Manage POM cases, the
// probation integration), locally and in the tests: fixture JSON for the demo people and the tests' people, to a
// caller with an access token from the hub's identity service for the audience HmppsStandIn:Audience (hmpps-apis).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("hmpps-stand-in");
builder.AddHubAuthentication(builder.Configuration["HmppsStandIn:Audience"] ?? "hmpps-apis");

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapFixtures();

await app.RunAsync();
