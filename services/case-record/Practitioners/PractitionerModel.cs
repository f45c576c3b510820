using Microsoft.EntityFrameworkCore;

namespace PublicProtectionHub.CaseRecord.Practitioners;

public static class PractitionerModel
{
    /// <summary><c>push.practitioners</c>: the practitioner directory.</summary>
    public static ModelBuilder AddPractitioners(this ModelBuilder model)
    {
        // Scope claims as long as identity accepts them (100), so no account it publishes is refused here.
        model.Entity<Practitioner>(e =>
        {
            e.ToTable("practitioners", "push");
            e.HasKey(x => x.UserName);
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(50);
            e.Property(x => x.Establishment).HasMaxLength(100);
            e.Property(x => x.Force).HasMaxLength(100);
            e.Property(x => x.VictimLiaisonUnit).HasMaxLength(100);
            e.Property(x => x.MappaArea).HasMaxLength(100);
            e.Property(x => x.ProbationDeliveryUnit).HasMaxLength(100);
            // Two deliveries for one account applied at once: the later write fails, is retried and compared again.
            e.Property(x => x.ChangedAt).IsConcurrencyToken();
            e.HasIndex(x => new { x.Role, x.Establishment });
        });
        return model;
    }
}
