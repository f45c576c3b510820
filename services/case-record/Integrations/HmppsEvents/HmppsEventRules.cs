using System.Text.RegularExpressions;
using PublicProtectionHub.Access;
using PublicProtectionHub.CaseRecord.Register;
using static PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.HmppsEventTypes;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>What each known event type requires and what it does to the person (see <see cref="HmppsEventTypes"/>).</summary>
public static partial class HmppsEventRules
{
    /// <summary>The NOMS number an event is about: the identifier, else <c>additionalInformation.nomsNumber</c>.</summary>
    public static string? NomsNumberOf(HmppsEvent e) => e.Person.NomsNumber ?? e.Details.NomsNumber;

    public static void Validate(HmppsEvent e, Dictionary<string, string[]> errors)
    {
        var d = e.Details;
        if (d.NomsNumber is not null && (!PersonIdentifier.IsNomsNumber(d.NomsNumber) || (e.Person.NomsNumber ?? d.NomsNumber) != d.NomsNumber))
            errors["additionalInformation.nomsNumber"] = ["A NOMS number (e.g. A1234BC), the same as the NOMS identifier."];

        switch (e.EventType)
        {
            case PrisonerReceived or PrisonerReleased:
                Require(NomsNumberOf(e) is not null, "additionalInformation.nomsNumber", "Required: the NOMS number.", errors);
                Require(d.Reason is not null, "additionalInformation.reason", "Required: the movement reason.", errors);
                Require(d.PrisonId is not null && PrisonIdPattern().IsMatch(d.PrisonId), "additionalInformation.prisonId", "Required: a prison code (e.g. EXI).", errors);
                break;
            case PomAllocated:
                Require(NomsNumberOf(e) is not null, "personReference.identifiers[NOMS]", "Required: the NOMS number.", errors);
                Require(IsUserName(d.StaffUsername), "additionalInformation.staffUsername", "Required: the hub user name of the allocated member of staff.", errors);
                break;
            case CommunityManagerAllocated:
                Require(e.Person.Crn is not null, "personReference.identifiers[CRN]", "Required: the CRN.", errors);
                Require(IsUserName(d.StaffUsername), "additionalInformation.staffUsername", "Required: the hub user name of the allocated member of staff.", errors);
                Require(d.ProbationDeliveryUnit is null || IsUserName(d.ProbationDeliveryUnit), "additionalInformation.pdu", "A probation delivery unit code.", errors);
                break;
            case RegistrationAdded or RegistrationDeregistered:
                Require(e.Person.Crn is not null || NomsNumberOf(e) is not null, "personReference.identifiers", "Required: a CRN or NOMS number.", errors);
                Require(d.RegisterTypeCode is not null && RegisterCodePattern().IsMatch(d.RegisterTypeCode), "additionalInformation.registerTypeCode", "Required: a register type code (e.g. MAPP).", errors);
                Require(d.RegistrationLevelCode is null || MappaNumber(d.RegistrationLevelCode, 3) is not null || d.RegisterTypeCode != MappaRegisterType,
                    "additionalInformation.registrationLevelCode", "A MAPPA level code M1 to M3.", errors);
                Require(d.RegistrationCategoryCode is null || MappaNumber(d.RegistrationCategoryCode, 4) is not null || d.RegisterTypeCode != MappaRegisterType,
                    "additionalInformation.registrationCategoryCode", "A MAPPA category code M1 to M4.", errors);
                break;
        }
    }

    /// <summary>Applies a known event to the person. Returns whether their responsibilities changed.</summary>
    public static bool Apply(HmppsEvent e, Person person)
    {
        var r = person.Responsibilities;
        var d = e.Details;
        switch (e.EventType)
        {
            case PrisonerReceived when d.Reason is "TEMPORARY_ABSENCE_RETURN" or "RETURN_FROM_COURT":
                return false; // they never left: responsibility did not move
            case PrisonerReceived:
                return Move(r, establishment: d.PrisonId, inCommunity: false);
            case PrisonerReleased when d.Reason == "RELEASED":
                return Move(r, establishment: null, inCommunity: true);
            case PrisonerReleased when d.Reason == "RELEASED_TO_HOSPITAL":
                return Move(r, establishment: null, inCommunity: false);
            case PrisonerReleased:
                return false; // TRANSFERRED, TEMPORARY_ABSENCE_RELEASE, SENT_TO_COURT: the prison stays responsible until received elsewhere
            case PomAllocated:
                return Set(r.OffenderSupervisor, d.StaffUsername, v => r.OffenderSupervisor = v);
            case CommunityManagerAllocated:
                var pduChanged = d.ProbationDeliveryUnit is not null && Set(r.ProbationDeliveryUnit, d.ProbationDeliveryUnit, v => r.ProbationDeliveryUnit = v);
                return Set(r.OffenderManager, d.StaffUsername, v => r.OffenderManager = v) | pduChanged;
            case RegistrationAdded or RegistrationDeregistered:
                Register(person, e.EventType == RegistrationAdded, d);
                return false;
            default:
                return false;
        }
    }

    private static void Register(Person person, bool added, AdditionalInformation d)
    {
        if (d.RegisterTypeCode == MappaRegisterType)
        {
            person.Flags.MappaNominal = added;
            person.MappaLevel = added ? MappaNumber(d.RegistrationLevelCode, 3) ?? person.MappaLevel : null;
            person.MappaCategory = added ? MappaNumber(d.RegistrationCategoryCode, 4) ?? person.MappaCategory : null;
            return;
        }

        var others = person.RiskRegistrations.Where(c => c != d.RegisterTypeCode);
        person.RiskRegistrations = added ? [.. others, d.RegisterTypeCode!] : [.. others];
    }

    /// <summary>A move to another prison (or out of one) ends the offender supervisor's allocation: the new OMU allocates.</summary>
    private static bool Move(Responsibilities r, string? establishment, bool inCommunity)
    {
        if (r.EstablishmentCode == establishment && r.InCommunity == inCommunity) return false;
        r.EstablishmentCode = establishment;
        r.InCommunity = inCommunity;
        r.OffenderSupervisor = null;
        return true;
    }

    private static bool Set(string? current, string? value, Action<string?> set)
    {
        if (current == value) return false;
        set(value);
        return true;
    }

    private static int? MappaNumber(string? code, int max) =>
        code is { Length: 2 } && code[0] == 'M' && code[1] is >= '1' and <= '9' && code[1] - '0' <= max ? code[1] - '0' : null;

    private static bool IsUserName(string? value) => value is not null && UserNamePattern().IsMatch(value);

    private static void Require(bool ok, string field, string message, Dictionary<string, string[]> errors)
    {
        if (!ok) errors[field] = [message];
    }

    [GeneratedRegex("^[A-Z0-9]{2,6}$")]
    private static partial Regex PrisonIdPattern();

    [GeneratedRegex("^[A-Z0-9_]{1,10}$")]
    private static partial Regex RegisterCodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$", RegexOptions.IgnoreCase)]
    private static partial Regex UserNamePattern();
}
