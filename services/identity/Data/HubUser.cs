using Microsoft.AspNetCore.Identity;

namespace PublicProtectionHub.Identity.Data;

/// <summary>
/// A person who signs in. The id is the user name, so that <c>sub</c> is stable and readable
/// across services and demo data. Scope claims (establishment, force, ...) are user claims.
/// </summary>
public sealed class HubUser : IdentityUser
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>One of <see cref="Access.Roles.UserRoles"/>.</summary>
    public string Role { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public bool Disabled { get; set; }
}
