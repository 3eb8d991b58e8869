using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Konton;

/// <summary>Puts the user's municipality, person and name into the cookie, so no request needs a lookup for them.</summary>
public sealed class PortalClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    Data.AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.Kommun, user.KommunId));
        identity.AddClaim(new Claim(PortalClaims.Namn, user.Namn));
        if (user.PersonId is int personId)
        {
            identity.AddClaim(new Claim(PortalClaims.PersonId, personId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (await Rapporter.Ledning.LederAsync(db, user.KommunId, personId)) identity.AddClaim(new Claim(PortalClaims.Ledning, "1"));
        }
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string? KommunId(this ClaimsPrincipal user) => user.FindFirstValue(PortalClaims.Kommun);
    public static string Namn(this ClaimsPrincipal user) => user.FindFirstValue(PortalClaims.Namn) ?? user.Identity?.Name ?? "";
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
    public static int? PersonId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PortalClaims.PersonId), out var id) ? id : null;
    public static Workflows.Actor Actor(this ClaimsPrincipal user) => new(user.UserId(), user.Namn());
}
