using System.Text;
using System.Text.Json;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;

namespace PublicProtectionHub.UnitTests.HmppsEvents;

public sealed class DetailMappingTests
{
    [Fact]
    public void A_reception_without_a_prison_needs_its_detail_and_takes_the_prison_and_name_from_prisoner_search()
    {
        var e = Event("""{"nomsNumber":"A1122MN","reason":"NEW_ADMISSION"}""", "prisoner-offender-search.prisoner.received");

        Assert.True(DetailMapping.Needs(e));
        var merged = DetailMapping.Merge(e, Json("""{"prisonerNumber":"A1122MN","prisonId":"DWI","firstName":"DARREN","lastName":"MOCKFORD"}"""))!;

        Assert.Equal(("DWI", "DARREN", "MOCKFORD", "NEW_ADMISSION"), (merged.Details.PrisonId, merged.Details.FirstName, merged.Details.LastName, merged.Details.Reason));
    }

    [Fact]
    public void What_the_envelope_says_wins_over_the_detail()
    {
        var e = Event("""{"staffUsername":"om.exeter"}""", "person.community.manager.allocated");

        Assert.False(DetailMapping.Needs(e));
        var merged = DetailMapping.Merge(e, Json("""{"username":"om.plymouth","team":{"borough":{"code":"plymouth"}}}"""))!;

        Assert.Equal(("om.exeter", "plymouth"), (merged.Details.StaffUsername, merged.Details.ProbationDeliveryUnit));
    }

    [Theory]
    [InlineData("prisoner-offender-search.prisoner.received", """{"prisonerNumber":"A1234BC","prisonId":"EXI"}""")]
    [InlineData("person.community.manager.allocated", """{"case":{"crn":"X123456"},"username":"om.plymouth"}""")]
    public void A_detail_about_someone_else_is_not_used(string eventType, string detail) =>
        Assert.Null(DetailMapping.Merge(Event("{}", eventType), Json(detail)));

    [Fact]
    public void An_unallocated_community_manager_names_nobody()
    {
        var merged = DetailMapping.Merge(Event("{}", "person.community.manager.allocated"),
            Json("""{"case":{"crn":"X112233"},"username":"om.plymouth","unallocated":true}"""))!;

        Assert.Null(merged.Details.StaffUsername);
    }

    [Fact]
    public void A_registration_takes_its_type_level_and_category_from_the_delius_registration()
    {
        var merged = DetailMapping.Merge(Event("{}", "probation-case.registration.added"),
            Json("""{"type":{"code":"MAPP"},"registerLevel":{"code":"M2"},"registerCategory":{"code":"M1"}}"""))!;

        Assert.Equal(("MAPP", "M2", "M1"), (merged.Details.RegisterTypeCode, merged.Details.RegistrationLevelCode, merged.Details.RegistrationCategoryCode));
    }

    [Fact]
    public void An_event_type_the_hub_does_not_apply_never_needs_detail() =>
        Assert.False(DetailMapping.Needs(Event("{}", "prison-offender-events.prisoner.merged")));

    private static HmppsEvent Event(string additionalInformation, string eventType)
    {
        var body = $$$"""
            {"eventType":"{{{eventType}}}","occurredAt":"2026-11-22T09:00:00Z","additionalInformation":{{{additionalInformation}}},
             "personReference":{"identifiers":[{"type":"NOMS","value":"A1122MN"},{"type":"CRN","value":"X112233"}]}}
            """;
        var (e, errors) = HmppsEventReader.Read(Encoding.UTF8.GetBytes(body));
        return e ?? throw new InvalidOperationException(string.Join(", ", errors.Keys));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
