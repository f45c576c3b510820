using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;

namespace PublicProtectionHub.UnitTests.HmppsEvents;

public sealed class DetailOriginsTests
{
    private static readonly HmppsDetailOptions Options = new()
    {
        TokenEndpoint = new Uri("https://sign-in.hmpps.service.justice.gov.uk/auth/oauth/token"),
        AllowedOrigins = ["https://prisoner-search.prison.service.justice.gov.uk", "http://127.0.0.1:5107"],
    };

    [Theory]
    [InlineData("https://prisoner-search.prison.service.justice.gov.uk/prisoner/A1234BC")]
    [InlineData("HTTPS://Prisoner-Search.prison.service.justice.gov.uk:443/prisoner/A1234BC")]
    [InlineData("http://127.0.0.1:5107/prisoner/A1234BC")]
    public void A_detail_url_on_an_allowed_origin_is_fetched(string url) => Assert.NotNull(Options.AllowedUrl(url));

    [Theory]
    [InlineData("https://attacker.example.org/prisoner/A1234BC")]
    [InlineData("http://prisoner-search.prison.service.justice.gov.uk/prisoner/A1234BC")]
    [InlineData("https://prisoner-search.prison.service.justice.gov.uk:8443/prisoner/A1234BC")]
    [InlineData("https://prisoner-search.prison.service.justice.gov.uk.attacker.example.org/prisoner/A1234BC")]
    [InlineData("https://user:pw@prisoner-search.prison.service.justice.gov.uk/prisoner/A1234BC")]
    [InlineData("http://127.0.0.1:5108/prisoner/A1234BC")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/prisoner/A1234BC")]
    [InlineData(null)]
    public void Any_other_url_is_not(string? url) => Assert.Null(Options.AllowedUrl(url));

    [Fact]
    public void Without_a_token_endpoint_nothing_is_fetched() =>
        Assert.Null(new HmppsDetailOptions { AllowedOrigins = ["http://127.0.0.1:5107"] }.AllowedUrl("http://127.0.0.1:5107/prisoner/A1234BC"));
}
