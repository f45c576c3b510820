namespace PublicProtectionHub.CaseRecord.Register;

public static class PeopleNamed
{
    /// <summary>
    /// The person with this NOMS number or CRN. A null identifier matches nobody: written as <c>p.Crn == crn</c>, EF Core
    /// would compare a null <c>crn</c> as <c>IS NULL</c> and match everyone without a CRN.
    /// </summary>
    public static IQueryable<Person> Named(this IQueryable<Person> people, string? nomsNumber, string? crn) =>
        people.Where(p => (nomsNumber != null && p.NomsNumber == nomsNumber) || (crn != null && p.Crn == crn));
}
