using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.CaseRecord;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Every service's copy of who is responsible, kept from ResponsibilityChanged however the changes interleave.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ResponsibilityCopyTests(HubStack stack)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Changes_for_one_person_handled_at_once_leave_the_newest_in_every_copy()
    {
        var people = Enumerable.Range(0, 8).Select(_ => $"A{Random.Shared.Next(10000):0000}RQ").Distinct().ToList();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var first = people.Select(noms => (Change(noms, "LFI", start), Guid.NewGuid())).ToList();
        await Task.WhenAll(first.Select(c => TestBus.PublishAsync(stack, c.Item1, c.Item2)));
        await ConsumedAsync(first.Select(c => c.Item2));

        // For each person a newer change and an older one at once; the older must not win, whichever is handled last.
        var racing = people.SelectMany(noms => new[]
        {
            (Change(noms, "EXI", start.AddMinutes(2)), Guid.NewGuid()),
            (Change(noms, "DAI", start.AddMinutes(1)), Guid.NewGuid()),
        }).ToList();
        await Task.WhenAll(racing.Select(c => TestBus.PublishAsync(stack, c.Item1, c.Item2)));
        await ConsumedAsync(racing.Select(c => c.Item2));

        var list = string.Join(",", people.Select(p => $"'{p}'"));
        foreach (var service in new[] { "risk-of-harm", "mappa" })
            Assert.Equal(people.Count, await stack.ScalarAsync<long>(service,
                $"SELECT count(*) FROM access.responsibilities WHERE noms_number IN ({list}) AND establishment_code = 'EXI'"));
    }

    private static ResponsibilityChanged Change(string noms, string prison, DateTimeOffset at) =>
        new(new PersonReference(noms, null), prison, false, null, null, null, "devon-cornwall", [], null, at, Classification.OfficialSensitive);

    private async Task ConsumedAsync(IEnumerable<Guid> messageIds)
    {
        var ids = messageIds.ToList();
        var list = string.Join(",", ids.Select(id => $"'{id}'"));
        foreach (var service in new[] { "risk-of-harm", "mappa" })
            await Eventually.Until(() => stack.ScalarAsync<long>(service,
                    $"SELECT count(*) FROM messaging.inbox_messages WHERE message_id IN ({list})"),
                n => n == ids.Count, Patience, $"{service} to handle every change");
    }
}
