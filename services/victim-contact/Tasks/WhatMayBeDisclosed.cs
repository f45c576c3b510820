using PublicProtectionHub.Contracts.CaseRecord;

namespace PublicProtectionHub.VictimContact.Tasks;

/// <summary>
/// For each sentence event, what the VLO may tell the victim and what they must not: the month and area of release
/// and the conditions about the victim may be shared; the prison, the exact date and the address may not.
/// </summary>
public static class WhatMayBeDisclosed
{
    private static readonly string[] Never = ["the name or location of the prison", "the exact date", "the offender's address"];

    public static (List<string> May, List<string> MustNot) For(SentenceEventRecorded e)
    {
        var month = $"the month: {e.OccurredAt:MMMM yyyy}";
        var area = e.ReleaseArea is { Length: > 0 } a ? $"the area of release: {a}" : "the area of release (the probation region)";
        List<string> may = e.SentenceEvent switch
        {
            "released" => ["that the offender is being released on licence", month, area, "the licence conditions that relate to the victim and their end date"],
            "temporary-release" => ["that the offender has been granted temporary release", month, "the licence conditions that relate to the victim"],
            "transferred-to-open-conditions" => ["that the offender has moved to open conditions", month],
            "parole-consideration" => ["that the Parole Board is considering the case", "that the victim may make a victim personal statement and ask for licence conditions"],
            "recalled" => ["that the offender has been recalled to custody", month],
            "licence-condition-ended" => ["that a licence condition relating to the victim has ended", "its end date"],
            _ => ["that there has been a change in the offender's sentence"],
        };
        return (may, [.. Never]);
    }

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "released", "temporary-release", "transferred-to-open-conditions", "parole-consideration", "recalled", "licence-condition-ended",
    };
}
