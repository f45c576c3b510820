using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.VictimContact.Cases;

/// <summary>
/// A victim contact case: an offender, the offence and sentence, the victims, allocated to one victim liaison unit.
/// Holds no victim's personal details itself: those are on <see cref="Victim"/>, encrypted.
/// </summary>
public sealed class VictimContactCase
{
    public Guid Id { get; set; }
    public string? NomsNumber { get; set; }
    public string? Crn { get; set; }
    public required string VictimLiaisonUnit { get; set; }
    public required string OffenceCode { get; set; }
    public required string SentenceKind { get; set; }
    public int? CustodialMonths { get; set; }
    public DateOnly SentencedOn { get; set; }
    public DateOnly ReferredOn { get; set; }
    public bool Statutory { get; set; }
    public required string EligibilityReason { get; set; }
    public DateOnly ReferralDue { get; set; }
    public DateOnly FirstContactDue { get; set; }
    public DateOnly? FirstContactOn { get; set; }
    public DateTimeOffset? ReferralOverdueNotifiedAt { get; set; }
    public DateTimeOffset? FirstContactOverdueNotifiedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosureReason { get; set; }
    public List<Victim> Victims { get; set; } = [];

    public PersonReference Person => new(NomsNumber, Crn);
    public bool IsOpen => ClosedAt is null;
}
