namespace PublicProtectionHub.Contracts;

/// <summary>
/// How events name a person: by NOMS number (prison), CRN (probation) or both.
/// Never a name, address or date of birth.
/// </summary>
public sealed record PersonReference(string? NomsNumber, string? Crn)
{
    /// <summary>The key that orders a person's events in the outbox: one stream per person.</summary>
    public string StreamKey => NomsNumber ?? Crn ?? throw new InvalidOperationException("A person reference needs a NOMS number or a CRN.");
}
