namespace PublicProtectionHub.CaseRecord.Register;

/// <summary>
/// A person the hub holds public protection information about. Known by NOMS number in custody
/// and by CRN in the community: one person, whichever arrives first.
/// </summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public string? NomsNumber { get; set; }
    public string? Crn { get; set; }
    public string? PncId { get; set; }
    public string? CroNumber { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public PersonFlags Flags { get; set; } = new();
    public Responsibilities Responsibilities { get; set; } = new();

    /// <summary>MAPPA category (1–4) from the probation MAPP registration; null when not a MAPPA nominal.</summary>
    public int? MappaCategory { get; set; }

    /// <summary>MAPPA level (1–3) from the probation MAPP registration; null when not a MAPPA nominal.</summary>
    public int? MappaLevel { get; set; }

    /// <summary>Active probation risk registrations other than MAPPA, by register type code (e.g. <c>RVHR</c>).</summary>
    public List<string> RiskRegistrations { get; set; } = [];

    /// <summary>The latest risk of harm levels (custody, community), e.g. <c>High</c>; null until assessed.</summary>
    public string? RoshCustody { get; set; }
    public string? RoshCommunity { get; set; }

    /// <summary>References of the prohibited-contact orders in force against the person.</summary>
    public List<string> ProhibitedContactOrders { get; set; } = [];

    /// <summary>Open victim contact cases about the person, as <c>caseId:unit</c>: a unit stays responsible while it has one.</summary>
    public List<string> VictimContactCases { get; set; } = [];

    public DateTimeOffset RegisteredAt { get; set; }

    public string Key => NomsNumber ?? Crn ?? throw new InvalidOperationException("A person needs a NOMS number or a CRN.");
}

public sealed class PersonFlags
{
    public bool MappaNominal { get; set; }
    public bool PublicProtection { get; set; }
    public bool InScope { get; set; }
    public bool VictimContact { get; set; }
}

/// <summary>Who is responsible for the person now. Every change is kept in <see cref="ResponsibilityHistory"/>.</summary>
public sealed class Responsibilities
{
    public string? EstablishmentCode { get; set; }
    public bool InCommunity { get; set; }
    public string? OffenderSupervisor { get; set; }
    public string? OffenderManager { get; set; }
    public string? ProbationDeliveryUnit { get; set; }
    public string? PoliceForce { get; set; }
    public List<string> VictimLiaisonUnits { get; set; } = [];
    public string? MappaArea { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class ResponsibilityHistory
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Reason { get; set; }
    public required Responsibilities Responsibilities { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
