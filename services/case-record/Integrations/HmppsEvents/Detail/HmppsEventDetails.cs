using Microsoft.Extensions.Options;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;

/// <summary>
/// The step between reading an HMPPS envelope and applying it: an event that lacks what its type needs
/// (<see cref="DetailMapping.Needs"/>) is completed from its <c>detailUrl</c>, then checked against the rules.
/// </summary>
public sealed class HmppsEventDetails(HmppsDetailClient client, IOptions<HmppsDetailOptions> options)
{
    /// <exception cref="HmppsDetailUnavailableException">
    /// The detail could not be fetched now: nothing is recorded, so the same event sent again is applied then.
    /// </exception>
    public async Task<EnrichedHmppsEvent> EnrichAsync(HmppsEvent e, CancellationToken ct)
    {
        if (!DetailMapping.Needs(e)) return Checked(e);
        if (options.Value.AllowedUrl(e.DetailUrl) is not { } url)
        {
            var refused = Checked(e);
            if (e.DetailUrl is not null) refused.Errors["detailUrl"] = ["Not an address the hub fetches detail from."];
            return refused;
        }

        using var detail = await client.GetAsync(url, ct);
        if (detail is null || DetailMapping.Merge(e, detail.RootElement) is not { } enriched)
            return new EnrichedHmppsEvent(e, [], DetailNotFound: true);
        return Checked(enriched);
    }

    private static EnrichedHmppsEvent Checked(HmppsEvent e)
    {
        var errors = new Dictionary<string, string[]>();
        HmppsEventRules.Validate(e, errors);
        return new EnrichedHmppsEvent(e, errors, DetailNotFound: false);
    }
}

/// <summary>
/// An event ready to apply (no <paramref name="Errors"/>), one still lacking fields (named, never their values), or one
/// whose detail the HMPPS API does not have, to be recorded as <see cref="HmppsEventOutcome.DetailNotFound"/>.
/// </summary>
public sealed record EnrichedHmppsEvent(HmppsEvent Event, Dictionary<string, string[]> Errors, bool DetailNotFound);
