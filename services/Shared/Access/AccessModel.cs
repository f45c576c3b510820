using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Audit;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.Access;

public static class AccessModel
{
    public const string Schema = "access";

    /// <summary>What every protected service's database holds besides its own data: outbox, inbox, responsibilities, audit log.</summary>
    public static ModelBuilder AddProtectedServiceModel(this ModelBuilder model) =>
        model.AddMessageStore().AddAuditLog().AddResponsibilities();

    public static ModelBuilder AddResponsibilities(this ModelBuilder model)
    {
        model.Entity<Responsibility>(e =>
        {
            e.ToTable("responsibilities", Schema);
            e.HasKey(x => x.PersonKey);
            e.Property(x => x.PersonKey).HasColumnName("person_key").HasMaxLength(20);
            e.Property(x => x.NomsNumber).HasColumnName("noms_number").HasMaxLength(7);
            e.Property(x => x.Crn).HasColumnName("crn").HasMaxLength(7);
            e.Property(x => x.EstablishmentCode).HasColumnName("establishment_code").HasMaxLength(10);
            e.Property(x => x.InCommunity).HasColumnName("in_community");
            e.Property(x => x.OffenderSupervisor).HasColumnName("offender_supervisor").HasMaxLength(200);
            e.Property(x => x.OffenderManager).HasColumnName("offender_manager").HasMaxLength(200);
            e.Property(x => x.ProbationDeliveryUnit).HasColumnName("pdu").HasMaxLength(50);
            e.Property(x => x.PoliceForce).HasColumnName("police_force").HasMaxLength(50);
            e.Property(x => x.VictimLiaisonUnits).HasColumnName("victim_liaison_units");
            e.Property(x => x.MappaArea).HasColumnName("mappa_area").HasMaxLength(50);
            e.Property(x => x.ChangedAt).HasColumnName("changed_at");
            e.HasIndex(x => x.NomsNumber);
            e.HasIndex(x => x.Crn);
            e.HasIndex(x => x.EstablishmentCode);
            e.HasIndex(x => x.OffenderManager);
            e.HasIndex(x => x.PoliceForce);
        });
        return model;
    }
}
