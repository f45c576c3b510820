namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// The HMPPS event types the hub applies, and the <c>additionalInformation</c> fields each reads.
/// <list type="bullet">
/// <item><c>prisoner-offender-search.prisoner.received</c>: <c>nomsNumber</c> (or a NOMS identifier), <c>reason</c>
/// (<c>NEW_ADMISSION</c>, <c>READMISSION</c>, <c>TRANSFERRED</c>, <c>POST_MERGE_ADMISSION</c> move the person to <c>prisonId</c>;
/// <c>TEMPORARY_ABSENCE_RETURN</c> and <c>RETURN_FROM_COURT</c> move nothing), <c>prisonId</c>; for a person the hub does not
/// know yet, <c>firstName</c> and <c>lastName</c> (as the detail endpoint gives them) register a minimal person.</item>
/// <item><c>prisoner-offender-search.prisoner.released</c>: <c>nomsNumber</c>, <c>reason</c> (<c>RELEASED</c>: into the
/// community; <c>RELEASED_TO_HOSPITAL</c>: out of prison, not in the community; <c>TRANSFERRED</c>,
/// <c>TEMPORARY_ABSENCE_RELEASE</c>, <c>SENT_TO_COURT</c>: responsibility stays until the person is received elsewhere),
/// <c>prisonId</c>.</item>
/// <item><c>offender-management.pom.allocated</c>: <c>staffUsername</c> (the hub user name of the prison offender manager,
/// who becomes the offender supervisor), by NOMS number.</item>
/// <item><c>person.community.manager.allocated</c>: <c>staffUsername</c> (the offender manager) and optional <c>pdu</c>
/// (probation delivery unit), by CRN.</item>
/// <item><c>probation-case.registration.added</c> / <c>.deregistered</c>: <c>registerTypeCode</c>; for <c>MAPP</c> the
/// MAPPA nominal flag with <c>registrationLevelCode</c> (<c>M1</c>–<c>M3</c>) and <c>registrationCategoryCode</c>
/// (<c>M1</c>–<c>M4</c>); any other code is kept as a risk registration.</item>
/// </list>
/// </summary>
public static class HmppsEventTypes
{
    public const string PrisonerReceived = "prisoner-offender-search.prisoner.received";
    public const string PrisonerReleased = "prisoner-offender-search.prisoner.released";
    public const string PomAllocated = "offender-management.pom.allocated";
    public const string CommunityManagerAllocated = "person.community.manager.allocated";
    public const string RegistrationAdded = "probation-case.registration.added";
    public const string RegistrationDeregistered = "probation-case.registration.deregistered";

    public const string MappaRegisterType = "MAPP";

    public static readonly IReadOnlyList<string> All =
        [PrisonerReceived, PrisonerReleased, PomAllocated, CommunityManagerAllocated, RegistrationAdded, RegistrationDeregistered];

    public static bool IsKnown(string eventType) => eventType is
        PrisonerReceived or PrisonerReleased or PomAllocated or CommunityManagerAllocated or RegistrationAdded or RegistrationDeregistered;

    /// <summary>
    /// The part of the person an event changes: events of one kind are ordered by <c>occurredAt</c>, so an
    /// older one never overwrites what a newer one set.
    /// </summary>
    public static string KindOf(HmppsEvent e) => e.EventType switch
    {
        PrisonerReceived or PrisonerReleased => "movement",
        PomAllocated => "offender-supervisor",
        CommunityManagerAllocated => "offender-manager",
        RegistrationAdded or RegistrationDeregistered => $"registration:{e.Details.RegisterTypeCode}",
        _ => "unknown",
    };
}
