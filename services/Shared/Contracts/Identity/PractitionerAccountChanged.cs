namespace PublicProtectionHub.Contracts.Identity;

/// <summary>
/// A practitioner's account was created, changed or disabled. Case-record keeps a directory of
/// these to know who to push a person's events to; the state is whole, so the newest wins.
/// </summary>
public sealed record PractitionerAccountChanged(
    string UserName,
    string DisplayName,
    string Role,
    IReadOnlyDictionary<string, string> ScopeClaims,
    bool Disabled,
    DateTimeOffset OccurredAt,
    Classification Classification);
