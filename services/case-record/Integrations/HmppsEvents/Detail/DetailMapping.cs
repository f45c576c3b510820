using System.Text.Json;
using static PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.HmppsEventTypes;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;

/// <summary>
/// When an event needs its detail, and how the HMPPS APIs' answers fill the <c>additionalInformation</c> fields the
/// rules read (<see cref="HmppsEventTypes"/>). What the envelope says wins; the detail only fills what it left out.
/// <list type="bullet">
/// <item>Movements without <c>prisonId</c>: prisoner search, <c>GET /prisoner/{prisonerNumber}</c> — <c>prisonId</c>, and
/// <c>firstName</c>, <c>lastName</c> for a person the hub does not know yet.</item>
/// <item>POM allocations without <c>staffUsername</c>: Manage POM cases, <c>GET /api/allocation/{nomsNumber}/primary_pom</c>
/// — <c>manager.username</c>. (The real answer names the POM by NOMIS staff id, <c>manager.code</c>; until staff ids map to
/// hub users, the detail has to carry the user name.)</item>
/// <item>Community manager allocations without <c>staffUsername</c>: the probation integration's community manager —
/// <c>username</c>, and <c>team.borough.code</c> (Delius calls the probation delivery unit a borough) for <c>pdu</c>;
/// <c>unallocated: true</c> names nobody.</item>
/// <item>Registrations without <c>registerTypeCode</c>: a Delius registration — <c>type.code</c>, <c>registerLevel.code</c>,
/// <c>registerCategory.code</c>.</item>
/// </list>
/// A detail that names another person than the event (<c>prisonerNumber</c>, <c>case.crn</c>) is not used.
/// </summary>
public static class DetailMapping
{
    /// <summary>Whether a field the event's type requires is missing, and its detail could give it.</summary>
    public static bool Needs(HmppsEvent e) => e.EventType switch
    {
        PrisonerReceived or PrisonerReleased => e.Details.PrisonId is null,
        PomAllocated or CommunityManagerAllocated => e.Details.StaffUsername is null,
        RegistrationAdded or RegistrationDeregistered => e.Details.RegisterTypeCode is null,
        _ => false,
    };

    /// <summary>The event with its detail filled in, or null when the detail is about someone else.</summary>
    public static HmppsEvent? Merge(HmppsEvent e, JsonElement detail)
    {
        var d = e.Details;
        switch (e.EventType)
        {
            case PrisonerReceived or PrisonerReleased:
                if (!Same(Text(detail, "prisonerNumber"), HmppsEventRules.NomsNumberOf(e))) return null;
                return e with
                {
                    Details = d with
                    {
                        PrisonId = d.PrisonId ?? Text(detail, "prisonId"),
                        FirstName = d.FirstName ?? Text(detail, "firstName"),
                        LastName = d.LastName ?? Text(detail, "lastName"),
                    },
                };
            case PomAllocated:
                return e with { Details = d with { StaffUsername = d.StaffUsername ?? Text(detail, "manager", "username") } };
            case CommunityManagerAllocated:
                if (!Same(Text(detail, "case", "crn"), e.Person.Crn)) return null;
                var allocated = !(detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("unallocated", out var u) && u.ValueKind == JsonValueKind.True);
                return e with
                {
                    Details = d with
                    {
                        StaffUsername = d.StaffUsername ?? (allocated ? Text(detail, "username") : null),
                        ProbationDeliveryUnit = d.ProbationDeliveryUnit ?? (allocated ? Text(detail, "team", "borough", "code") : null),
                    },
                };
            case RegistrationAdded or RegistrationDeregistered:
                return e with
                {
                    Details = d with
                    {
                        RegisterTypeCode = d.RegisterTypeCode ?? Text(detail, "type", "code"),
                        RegistrationLevelCode = d.RegistrationLevelCode ?? Text(detail, "registerLevel", "code"),
                        RegistrationCategoryCode = d.RegistrationCategoryCode ?? Text(detail, "registerCategory", "code"),
                    },
                };
            default:
                return e;
        }
    }

    /// <summary>Absent on either side is not a contradiction.</summary>
    private static bool Same(string? inDetail, string? inEvent) =>
        inDetail is null || inEvent is null || string.Equals(inDetail, inEvent, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }

        return element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text ? text.Trim() : null;
    }
}
