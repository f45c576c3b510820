using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicProtectionHub.Access;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Deadlines;
using PublicProtectionHub.VictimContact.Eligibility;
using PublicProtectionHub.VictimContact.Encryption;
using PublicProtectionHub.VictimContact.Features.AddVictim;
using PublicProtectionHub.VictimContact.Features.CloseCase;
using PublicProtectionHub.VictimContact.Features.ListBreaches;
using PublicProtectionHub.VictimContact.Features.ReallocateCase;
using PublicProtectionHub.VictimContact.Features.ListTasks;
using PublicProtectionHub.VictimContact.Features.RecordTaskOutcome;
using PublicProtectionHub.VictimContact.Features.SetApprovedAddress;
using PublicProtectionHub.VictimContact.Features.DefineZone;
using PublicProtectionHub.VictimContact.Features.VaryZone;
using PublicProtectionHub.VictimContact.Features.RevokeZone;
using PublicProtectionHub.VictimContact.Features.ListZones;
using PublicProtectionHub.VictimContact.Features.CheckZones;
using PublicProtectionHub.VictimContact.Features.ReportBreach;
using PublicProtectionHub.VictimContact.Features.RecordBreachAction;
using PublicProtectionHub.VictimContact.Features.IssueOrder;
using PublicProtectionHub.VictimContact.Features.ListOrders;
using PublicProtectionHub.VictimContact.Features.RevokeOrder;
using PublicProtectionHub.VictimContact.Features.VaryOrder;
using PublicProtectionHub.VictimContact.Orders;
using PublicProtectionHub.VictimContact.Features.GetVictim;
using PublicProtectionHub.VictimContact.Features.ListContacts;
using PublicProtectionHub.VictimContact.Features.RecordContact;
using PublicProtectionHub.VictimContact.Features.RecordOptIn;
using PublicProtectionHub.VictimContact.Features.UpdateVictim;
using PublicProtectionHub.VictimContact.Features.GetCase;
using PublicProtectionHub.VictimContact.Features.ListCases;
using PublicProtectionHub.VictimContact.Features.OpenCase;
using PublicProtectionHub.VictimContact.Jobs;

namespace PublicProtectionHub.VictimContact;

public static class Extensions
{
    public const string ServiceName = "victim-contact";

    public static void AddVictimContact(this IHostApplicationBuilder builder)
    {
        KeepPasswordForPostGis(builder.Configuration);
        builder.AddProtectedService<VictimContactDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
        builder.Services.ConfigureDbContext<VictimContactDbContext>(o => o.UseNpgsql(n => n.UseNetTopologySuite()));
        builder.Services.AddPhoneNumberHasher(builder.Configuration);
        builder.Services.AddSingleton(_ => PersonalDataProtector.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton(_ => StatutoryEligibility.Load(ReferenceFile(builder.Configuration, "SpecifiedOffencesFile", "specified-offences.json")));
        builder.Services.AddSingleton(_ => WorkingDays.Load(ReferenceFile(builder.Configuration, "BankHolidaysFile", "bank-holidays-england-and-wales.json")));
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<OrderEvents>();

        builder.Services.Configure<JobOptions>(builder.Configuration.GetSection(JobOptions.Section));
        builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.Section));
        builder.Services.AddScoped<IScheduledJob, OverdueSweep>();
        builder.Services.AddScoped<IScheduledJob, OrderExpiry>();
        builder.Services.AddScoped<IScheduledJob, PhoneKeyRotation>();
        builder.Services.AddScoped<IScheduledJob, RetentionErasure>();
        builder.Services.AddScoped<IScheduledJob, EncryptionKeyRotation>();
        builder.Services.AddHostedService<ScheduledJobs>();
    }

    public static void MapVictimContactEndpoints(this WebApplication app) =>
        app.MapProtectedServiceApi(ServiceName)
            .MapOpenCase()
            .MapListCases()
            .MapGetCase()
            .MapCloseCase()
            .MapReallocateCase()
            .MapAddVictim()
            .MapGetVictim()
            .MapUpdateVictim()
            .MapRecordOptIn()
            .MapRecordContact()
            .MapListContacts()
            .MapIssueOrder()
            .MapVaryOrder()
            .MapRevokeOrder()
            .MapListOrders()
            .MapSetApprovedAddress()
            .MapDefineZone()
            .MapVaryZone()
            .MapRevokeZone()
            .MapListZones()
            .MapCheckZones()
            .MapReportBreach()
            .MapRecordBreachAction()
            .MapListBreaches()
            .MapListTasks()
            .MapRecordTaskOutcome();

    /// <summary><c>VictimContact:ReferenceData:{setting}</c>, else the copy shipped beside the service.</summary>
    private static string ReferenceFile(IConfiguration configuration, string setting, string shipped) =>
        configuration[$"VictimContact:ReferenceData:{setting}"] is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "Reference", shipped);

    // UseNetTopologySuite builds a data source of its own from the connection string, which needs its password.
    private static void KeepPasswordForPostGis(IConfigurationManager configuration)
    {
        if (configuration.GetConnectionString("Database") is { } connectionString)
            configuration["ConnectionStrings:Database"] =
                new NpgsqlConnectionStringBuilder(connectionString) { PersistSecurityInfo = true }.ConnectionString;
    }
}
