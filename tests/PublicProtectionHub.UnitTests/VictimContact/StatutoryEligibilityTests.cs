using PublicProtectionHub.VictimContact.Eligibility;

namespace PublicProtectionHub.UnitTests.VictimContact;

public sealed class StatutoryEligibilityTests
{
    private static readonly StatutoryEligibility Eligibility =
        StatutoryEligibility.Load(Path.Combine(AppContext.BaseDirectory, "Reference", "specified-offences.json"));

    [Theory]
    [InlineData("S47-ABH", "custodial", 12, true)]
    [InlineData("S47-ABH", "custodial", 11, false)]
    [InlineData("RAPE", "custodial", 1200, true)]
    [InlineData("rape", "custodial", 24, true)]
    [InlineData("RAPE", "hospital-order", null, true)]
    [InlineData("CONTROLLING", "suspended", null, false)]
    [InlineData("CONTROLLING", "community", null, false)]
    [InlineData("THEFT", "custodial", 60, false)]
    [InlineData("THEFT", "hospital-order", null, false)]
    public void Statutory_needs_a_specified_offence_and_twelve_months_custody_or_a_hospital_order(
        string offence, string kind, int? months, bool statutory) =>
        Assert.Equal(statutory, Eligibility.Decide(offence, new Sentence(kind, months)).Statutory);

    [Fact]
    public void The_reason_names_the_category_of_offence() =>
        Assert.Contains("sexual", Eligibility.Decide("VOYEURISM", new Sentence("custodial", 18)).Reason);
}
