using System.Text.Json;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Encryption;

namespace PublicProtectionHub.VictimContact.Orders;

/// <summary>
/// The order events, with the terms the offender's practitioners need and, for numbers, keyed hashes only: each number
/// hashed under every phone-hashing key held, so a key rotation keeps matching until the old key retires.
/// </summary>
public sealed class OrderEvents(VictimContactDbContext db, PhoneNumberHasher hasher, PersonalDataProtector protector)
{
    private const string Probe = "+447700900000";

    /// <summary>The key versions the hasher holds now, as stored in <see cref="ProhibitedContactOrder.PublishedKeyVersions"/>.</summary>
    public string HeldKeyVersions() => string.Join(",", hasher.HashUnderEveryKey(Probe).Select(h => h.KeyVersion).Order());

    public void WriteNumbers(ProhibitedContactOrder order, IReadOnlyList<string> e164, IReadOnlyList<string>? addresses)
    {
        order.KeyVersion = protector.CurrentVersion;
        order.ProhibitedNumberCount = e164.Count;
        order.ProhibitedNumbers = protector.Encrypt(JsonSerializer.Serialize(e164), order.Id, nameof(ProhibitedContactOrder.ProhibitedNumbers));
        order.ProhibitedAddresses = protector.Encrypt(JsonSerializer.Serialize(addresses ?? []), order.Id, nameof(ProhibitedContactOrder.ProhibitedAddresses));
    }

    public IReadOnlyList<string> Numbers(ProhibitedContactOrder order) =>
        protector.Decrypt(order.ProhibitedNumbers, order.Id, nameof(ProhibitedContactOrder.ProhibitedNumbers), order.KeyVersion) is { } json
            ? JsonSerializer.Deserialize<List<string>>(json) ?? []
            : [];

    public void Issued(ProhibitedContactOrder order, VictimContactCase c, DateTimeOffset at)
    {
        var hashes = Hashes(order);
        db.AddOutboxMessage(new ProhibitedContactOrderIssued(order.Id, order.Reference, c.Person, order.Kind, [.. order.ProhibitedMeans], hashes,
            order.ValidFrom, order.ValidUntil, Summary(order, hashes.Count > 0), at, Classification.OfficialSensitive), c.Person.StreamKey);
    }

    public void Varied(ProhibitedContactOrder order, VictimContactCase c, DateTimeOffset at)
    {
        var hashes = Hashes(order);
        db.AddOutboxMessage(new ProhibitedContactOrderVaried(order.Id, order.Reference, c.Person, order.Kind, [.. order.ProhibitedMeans], hashes,
            order.ValidFrom, order.ValidUntil, Summary(order, hashes.Count > 0), at, Classification.OfficialSensitive), c.Person.StreamKey);
    }

    public void Revoked(ProhibitedContactOrder order, VictimContactCase c, DateTimeOffset at) =>
        db.AddOutboxMessage(new ProhibitedContactOrderRevoked(order.Id, order.Reference, c.Person, $"{Label(order.Kind)} {order.Reference} revoked.",
            at, Classification.OfficialSensitive), c.Person.StreamKey);

    public void Expired(ProhibitedContactOrder order, VictimContactCase c, DateTimeOffset at) =>
        db.AddOutboxMessage(new ProhibitedContactOrderExpired(order.Id, order.Reference, c.Person, at, Classification.OfficialSensitive), c.Person.StreamKey);

    private List<ProhibitedNumberHash> Hashes(ProhibitedContactOrder order)
    {
        order.PublishedKeyVersions = HeldKeyVersions();
        return [.. Numbers(order).SelectMany(hasher.HashUnderEveryKey).Select(h => new ProhibitedNumberHash(h.Hash, h.KeyVersion))];
    }

    /// <summary>What the order forbids, for a practitioner's inbox: never who it protects or their numbers.</summary>
    public static string Summary(ProhibitedContactOrder order, bool hasNumbers) =>
        $"{Label(order.Kind)} {order.Reference}: no contact by {string.Join(", ", order.ProhibitedMeans)}"
        + (hasNumbers ? "; calls to the protected numbers are matched" : "")
        + $"; valid from {order.ValidFrom:yyyy-MM-dd}" + (order.ValidUntil is { } until ? $" until {until:yyyy-MM-dd}" : "") + ".";

    public static string Label(string kind) => kind switch
    {
        "licence-condition-no-contact" => "Licence condition (no contact)",
        "restraining-order" => "Restraining order",
        "non-molestation-order" => "Non-molestation order",
        "prison-contact-restriction" => "Prison contact restriction",
        "unwanted-prisoner-contact-request" => "Unwanted prisoner contact request",
        _ => "Order",
    };
}
