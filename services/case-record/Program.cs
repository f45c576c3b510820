using PublicProtectionHub.Messaging;
using PublicProtectionHub.CaseRecord;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("case-record");
builder.AddCaseRecord();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapCaseRecordEndpoints();

await app.RunServiceAsync<CaseRecordDbContext>(args);
