namespace PublicProtectionHub.TelephoneMonitoring.Watchlist;

/// <summary>A number the security department watches for a person, with a reason and an expiry; held only as hashes.</summary>
public sealed class NumberOfConcern
{
    public Guid Id { get; set; }
    public required string PersonKey { get; set; }
    public required string EstablishmentCode { get; set; }
    public required string Reason { get; set; }
    public required string EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public string Reference => $"NOC-{Id.ToString("N")[..8].ToUpperInvariant()}";
}
