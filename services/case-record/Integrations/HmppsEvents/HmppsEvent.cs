namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// An HMPPS domain event as the Ministry of Justice's services publish it (the envelope:
/// <c>eventType</c>, <c>version</c>, <c>occurredAt</c>, <c>description</c>, <c>detailUrl</c>,
/// <c>additionalInformation</c>, <c>personReference.identifiers[{type,value}]</c>), read and validated.
/// </summary>
/// <param name="BodyHash">SHA-256 (hex) of the body exactly as received.</param>
public sealed record HmppsEvent(
    string EventType,
    int? Version,
    DateTimeOffset OccurredAt,
    string? DetailUrl,
    PersonIdentifiers Person,
    AdditionalInformation Details,
    string BodyHash);

/// <summary>The identifiers of <c>personReference</c> the hub uses; other types (CRO...) are ignored.</summary>
public sealed record PersonIdentifiers(string? NomsNumber, string? Crn, string? PncId)
{
    public override string ToString() => $"NOMS={NomsNumber};CRN={Crn};PNC={PncId}";
}

/// <summary>
/// The fields of <c>additionalInformation</c> the hub reads. Which event type uses which is in
/// <see cref="HmppsEventTypes"/>; anything else in the object is ignored.
/// </summary>
public sealed record AdditionalInformation(
    string? NomsNumber,
    string? Reason,
    string? PrisonId,
    string? StaffUsername,
    string? ProbationDeliveryUnit,
    string? RegisterTypeCode,
    string? RegistrationLevelCode,
    string? RegistrationCategoryCode,
    string? FirstName,
    string? LastName);
