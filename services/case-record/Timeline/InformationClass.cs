using System.Text.Json.Serialization;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Timeline;

/// <summary>The classes of information in ACCESS.md; each timeline entry is of one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InformationClass>))]
public enum InformationClass
{
    [JsonStringEnumMemberName("identity-location")] IdentityAndLocation,
    [JsonStringEnumMemberName("risk-levels")] RiskLevels,
    [JsonStringEnumMemberName("risk-narrative")] RiskNarrative,
    [JsonStringEnumMemberName("mappa-status")] MappaStatus,
    [JsonStringEnumMemberName("mappa-minutes")] MappaMinutes,
    [JsonStringEnumMemberName("prohibited-contact-order")] ProhibitedContactOrder,
    [JsonStringEnumMemberName("exclusion-zone")] ExclusionZone,
    [JsonStringEnumMemberName("telephone-monitoring")] TelephoneMonitoring,
    [JsonStringEnumMemberName("telephone-monitoring-alert")] TelephoneMonitoringAlert,
    [JsonStringEnumMemberName("intelligence")] Intelligence,
    [JsonStringEnumMemberName("arrival-screening")] ArrivalScreening,

    /// <summary>A secure message between practitioners: only the thread's participants see it, whatever their role.</summary>
    [JsonStringEnumMemberName("secure-message")] SecureMessage,

    /// <summary>Victim contact work (what a victim must be told, overdue deadlines): the victim liaison unit's alone.</summary>
    [JsonStringEnumMemberName("victim-contact")] VictimContact,
}

/// <summary>
/// ACCESS.md's "classes of information and who gets them", for a practitioner already responsible for
/// the person. It decides both who is pushed an entry and what the timeline shows.
/// </summary>
public static class Entitlements
{
    public static bool MayReceive(string role, InformationClass information, bool aboutVictimOrder = false) => information switch
    {
        InformationClass.IdentityAndLocation or InformationClass.RiskLevels or InformationClass.MappaStatus
            or InformationClass.ProhibitedContactOrder or InformationClass.ExclusionZone => HubRoles.Practitioners.Contains(role),
        InformationClass.RiskNarrative => role is not HubRoles.VictimLiaison && HubRoles.Practitioners.Contains(role),
        // Minutes go to the offender manager, the OMU and the coordinator; attendees' agencies get them from the MAPPA service.
        InformationClass.MappaMinutes => role is HubRoles.OffenderManager or HubRoles.OffenderSupervisor or HubRoles.MappaCoordinator,
        // Call records in full for security, as a summary (the fact and outcome) for the OMU, offender manager and MAPPA.
        InformationClass.TelephoneMonitoring => role is HubRoles.PrisonSecurity or HubRoles.OffenderSupervisor
            or HubRoles.OffenderManager or HubRoles.MappaCoordinator,
        InformationClass.TelephoneMonitoringAlert => role is HubRoles.VictimLiaison ? aboutVictimOrder : HubRoles.Practitioners.Contains(role),
        InformationClass.Intelligence => role is HubRoles.PrisonSecurity or HubRoles.Police,
        InformationClass.ArrivalScreening => role is HubRoles.PrisonSecurity or HubRoles.OffenderSupervisor,
        // No role by class: the thread's participants by name (GetTimeline.VisibleTo, SecureMessages).
        InformationClass.SecureMessage => false,
        InformationClass.VictimContact => role is HubRoles.VictimLiaison,
        _ => false,
    };

    public static IReadOnlyList<InformationClass> VisibleTo(string role) =>
        [.. Enum.GetValues<InformationClass>().Where(c => MayReceive(role, c))];
}
