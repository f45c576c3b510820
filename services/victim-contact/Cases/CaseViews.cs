using PublicProtectionHub.Contracts;
using PublicProtectionHub.VictimContact.Deadlines;

namespace PublicProtectionHub.VictimContact.Cases;

public sealed record SentenceView(string Kind, int? CustodialMonths, DateOnly SentencedOn);

public sealed record VictimSummary(Guid Id, bool OptedIn, bool Erased);

/// <summary>A case as its unit sees it in lists and on its page: no victim's personal details, only that victims exist.</summary>
public sealed record CaseView(
    Guid Id, PersonReference Person, string VictimLiaisonUnit, string OffenceCode, SentenceView Sentence, bool Statutory,
    string EligibilityReason, DateOnly ReferredOn, DateOnly ReferralDue, bool ReferralLate, DateOnly FirstContactDue,
    DateOnly? FirstContactOn, bool FirstContactOverdue, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<VictimSummary> Victims)
{
    public static CaseView Of(VictimContactCase c, DateOnly today) => new(
        c.Id, c.Person, c.VictimLiaisonUnit, c.OffenceCode, new SentenceView(c.SentenceKind, c.CustodialMonths, c.SentencedOn),
        c.Statutory, c.EligibilityReason, c.ReferredOn, c.ReferralDue, c.ReferredOn > c.ReferralDue, c.FirstContactDue,
        c.FirstContactOn, c.FirstContactOn is null && c.IsOpen && today > c.FirstContactDue, c.OpenedAt, c.ClosedAt,
        [.. c.Victims.OrderBy(v => v.AddedAt).Select(v => new VictimSummary(v.Id, v.OptedIn, v.ErasedAt is not null))]);
}

public static class LondonDate
{
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Zones.ZoneWindows.LocalTime(time.GetUtcNow()));

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(Zones.ZoneWindows.LocalTime(at));
}
