using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PublicProtectionHub.Identity.Data;

/// <summary>Identity's sign-in manager, with disabled users unable to sign in at all.</summary>
public sealed class HubSignInManager(
    UserManager<HubUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<HubUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<HubUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<HubUser> confirmation)
    : SignInManager<HubUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(HubUser user) => !user.Disabled && await base.CanSignInAsync(user);
}
