namespace PublicProtectionHub.VictimContact.Cases;

public static class CasesAbout
{
    /// <summary>
    /// The cases about the person with this NOMS number or CRN. A null identifier matches nobody: written as
    /// <c>c.Crn == crn</c>, EF Core would compare a null <c>crn</c> as <c>IS NULL</c> and take in every case without a CRN.
    /// </summary>
    public static IQueryable<VictimContactCase> About(this IQueryable<VictimContactCase> cases, string? nomsNumber, string? crn) =>
        cases.Where(c => (nomsNumber != null && c.NomsNumber == nomsNumber) || (crn != null && c.Crn == crn));
}
