namespace PublicProtectionHub.VictimContact.Orders;

/// <summary>
/// A prohibited-contact order about the case's offender. Its terms are shared with the offender's practitioners;
/// its numbers and addresses are victims' details, held encrypted and only ever published as keyed hashes.
/// </summary>
public sealed class ProhibitedContactOrder
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Reference { get; set; }
    public required string Kind { get; set; }
    public List<Guid> ProtectedVictims { get; set; } = [];
    public int ProtectedOthers { get; set; }
    public List<string> ProhibitedMeans { get; set; } = [];
    public int KeyVersion { get; set; }

    /// <summary>The prohibited numbers in E.164, as an encrypted JSON array.</summary>
    public byte[]? ProhibitedNumbers { get; set; }

    /// <summary>How many numbers are prohibited, so the terms can say so without decrypting them.</summary>
    public int ProhibitedNumberCount { get; set; }

    /// <summary>The prohibited addresses, as an encrypted JSON array.</summary>
    public byte[]? ProhibitedAddresses { get; set; }

    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }
    public OrderStatus Status { get; set; }

    /// <summary>The phone-hashing key versions the last published event carried hashes under, e.g. "1,2".</summary>
    public string PublishedKeyVersions { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    public bool IsInForce => Status is OrderStatus.Active or OrderStatus.Varied;
}

public enum OrderStatus { Active, Varied, Revoked, Expired }

public static class OrderTerms
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "licence-condition-no-contact", "restraining-order", "non-molestation-order", "prison-contact-restriction",
        "unwanted-prisoner-contact-request",
    };

    public static readonly IReadOnlySet<string> Means = new HashSet<string>(StringComparer.Ordinal)
    {
        "phone", "letter", "visit", "email", "social-media", "third-party",
    };
}
