using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using PublicProtectionHub.Identity.Access;
using PublicProtectionHub.Identity.Data;

namespace PublicProtectionHub.Identity.Users;

public sealed record UserDetails(string UserName, string DisplayName, string Role, IReadOnlyDictionary<string, string> Claims);

public enum SaveOutcome
{
    Created,
    Updated,
    Invalid,
    Conflict,
}

public sealed record SaveResult(SaveOutcome Outcome, Dictionary<string, string[]> Errors)
{
    public static SaveResult Of(SaveOutcome outcome) => new(outcome, []);
}

/// <summary>
/// Creating, updating and disabling users, shared by the admin API and the demo seed. Error
/// messages name the field, never its value (a rejected value may be personal data).
/// </summary>
internal sealed class UserAccounts(UserManager<HubUser> users, IdentityDbContext db, IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider time)
{
    public static Dictionary<string, string[]> Validate(string? userName, string? displayName, string? role, IReadOnlyDictionary<string, string>? claims)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (string.IsNullOrWhiteSpace(userName) || userName.Length is < 3 or > 64)
            Add("userName", "Required, 3 to 64 characters.");
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > HubUser.MaxDisplayNameLength)
            Add("displayName", $"Required, at most {HubUser.MaxDisplayNameLength} characters.");
        if (!Roles.IsUserRole(role))
            Add("role", $"Must be one of: {string.Join(", ", Roles.UserRoles)}.");
        foreach (var (field, message) in ScopeClaims.Validate(Roles.IsUserRole(role) ? role : null, claims ?? new Dictionary<string, string>()))
            Add(field, message);

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>
    /// Creates the user, or with <paramref name="updateExisting"/> brings an existing one in line. A new
    /// practitioner, or a change to one's display name, role or scope claims, is published in the same transaction.
    /// </summary>
    public async Task<SaveResult> SaveAsync(UserDetails details, string password, bool updateExisting, CancellationToken ct = default)
    {
        // sub is the user name for users and the client id for machine clients: they must never meet.
        if (await applications.FindByClientIdAsync(details.UserName, ct) is not null ||
            await applications.FindByClientIdAsync(details.UserName.ToLowerInvariant(), ct) is not null)
            return SaveResult.Of(SaveOutcome.Conflict);

        var user = await users.FindByNameAsync(details.UserName);
        if (user is not null && !updateExisting)
            return SaveResult.Of(SaveOutcome.Conflict);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IdentityResult result;
        var outcome = user is null ? SaveOutcome.Created : SaveOutcome.Updated;
        var previous = (user?.DisplayName, user?.Role);
        if (user is null)
        {
            user = new HubUser { Id = details.UserName, UserName = details.UserName, DisplayName = details.DisplayName, Role = details.Role };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            user.DisplayName = details.DisplayName;
            user.Role = details.Role;
            result = await users.UpdateAsync(user);
            if (result.Succeeded && !await users.CheckPasswordAsync(user, password))
            {
                result = await users.RemovePasswordAsync(user);
                if (result.Succeeded)
                    result = await users.AddPasswordAsync(user, password);
            }
        }

        var claimsChanged = false;
        if (result.Succeeded)
            (result, claimsChanged) = await ReplaceScopeClaimsAsync(user, details.Claims);
        if (!result.Succeeded)
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? SaveResult.Of(SaveOutcome.Conflict)
                : new SaveResult(SaveOutcome.Invalid, Describe(result.Errors));

        var changed = outcome == SaveOutcome.Created || claimsChanged || previous != (user.DisplayName, user.Role);
        if (changed && (PractitionerAccountEvents.IsPractitioner(user.Role) || PractitionerAccountEvents.IsPractitioner(previous.Role)))
            await PublishAsync(user, details.Claims, ct);
        await transaction.CommitAsync(ct);
        return SaveResult.Of(outcome);
    }

    /// <summary>Disables the user, ends their sessions and revokes their refresh tokens; a practitioner's is published.</summary>
    public async Task<bool> DisableAsync(string userName, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
            return false;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var wasDisabled = user.Disabled;
        user.Disabled = true;
        if (!(await users.UpdateAsync(user)).Succeeded)
            throw new InvalidOperationException("The user could not be disabled.");
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeBySubjectAsync(user.Id, ct);
        await authorizations.RevokeBySubjectAsync(user.Id, ct);
        if (!wasDisabled && PractitionerAccountEvents.IsPractitioner(user.Role))
            await PublishAsync(user, (await users.GetClaimsAsync(user)).Select(c => KeyValuePair.Create(c.Type, c.Value)), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<List<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        var claims = (await db.UserClaims.AsNoTracking().ToListAsync(ct))
            .Where(c => ScopeClaims.All.Contains(c.ClaimType ?? ""))
            .ToLookup(c => c.UserId);
        return (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct))
            .Select(u => new UserSummary(u.UserName!, u.DisplayName, u.Role, u.Disabled,
                claims[u.Id].ToDictionary(c => c.ClaimType!, c => c.ClaimValue ?? "", StringComparer.Ordinal)))
            .ToList();
    }

    // Stamped after the user's row was written in this transaction, so a directory snapshot that did not
    // see this change (PractitionerDirectorySnapshot) carries an earlier time and loses to it.
    private async Task PublishAsync(HubUser user, IEnumerable<KeyValuePair<string, string>> claims, CancellationToken ct)
    {
        PractitionerAccountEvents.Add(db, user, claims, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<(IdentityResult Result, bool Changed)> ReplaceScopeClaimsAsync(HubUser user, IReadOnlyDictionary<string, string> wanted)
    {
        var current = (await users.GetClaimsAsync(user)).Where(c => ScopeClaims.All.Contains(c.Type)).ToList();
        var stale = current.Where(c => wanted.GetValueOrDefault(c.Type) != c.Value).ToList();
        var missing = wanted.Where(w => !current.Any(c => c.Type == w.Key && c.Value == w.Value))
            .Select(w => new Claim(w.Key, w.Value)).ToList();

        var result = stale.Count > 0 ? await users.RemoveClaimsAsync(user, stale) : IdentityResult.Success;
        if (result.Succeeded && missing.Count > 0)
            result = await users.AddClaimsAsync(user, missing);
        return (result, stale.Count > 0 || missing.Count > 0);
    }

    // Identity's password messages carry no value; its user name messages quote the name, so they are replaced.
    private static Dictionary<string, string[]> Describe(IEnumerable<IdentityError> errors) => errors
        .Select(e => e.Code.StartsWith("Password", StringComparison.Ordinal)
            ? ("password", e.Description)
            : e.Code.Contains("UserName", StringComparison.Ordinal)
                ? ("userName", "Only letters, digits and - . _ @ + are allowed.")
                : ("user", "The user could not be saved."))
        .GroupBy(e => e.Item1, e => e.Item2)
        .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
}

public sealed record UserSummary(string UserName, string DisplayName, string Role, bool Disabled, IReadOnlyDictionary<string, string> Claims);
