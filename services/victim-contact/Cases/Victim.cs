namespace PublicProtectionHub.VictimContact.Cases;

/// <summary>
/// A victim on a case. Every personal detail is an AES-GCM ciphertext under key <see cref="KeyVersion"/>
/// (see <see cref="Encryption.PersonalDataProtector"/>); after the retention period they are erased and
/// only the row's existence, its opt-in history and <see cref="ErasedAt"/> remain.
/// </summary>
public sealed class Victim
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int KeyVersion { get; set; }
    public byte[]? Name { get; set; }
    public byte[]? Address { get; set; }
    public byte[]? PhoneNumbers { get; set; }
    public byte[]? Email { get; set; }
    public byte[]? PreferredContactMethod { get; set; }
    public byte[]? Needs { get; set; }
    public bool OptedIn { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? ErasedAt { get; set; }
    public List<OptInChange> OptInHistory { get; set; } = [];
}

/// <summary>A victim opted in or out of the scheme (they may change their mind, both ways, any number of times).</summary>
public sealed class OptInChange
{
    public long Id { get; set; }
    public Guid VictimId { get; set; }
    public bool OptedIn { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// A contact with the victim, or the agreed note of an information-sharing meeting or call with an offender manager.
/// The notes can hold personal details, so they are encrypted like the victim's.
/// </summary>
public sealed class ContactLogEntry
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid? VictimId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public int KeyVersion { get; set; }
    public byte[]? Notes { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
