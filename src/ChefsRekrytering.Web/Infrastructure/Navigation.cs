using System.Security.Claims;
using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>The main menu: each entry shows only to the roles that can use it.</summary>
public static class Navigation
{
    public sealed record Item(string Href, string Text, Func<ClaimsPrincipal, bool> Visible);

    private static Func<ClaimsPrincipal, bool> AnyRole(params string[] roles) => u => roles.Any(u.IsInRole);
    private static readonly Func<ClaimsPrincipal, bool> Everyone = _ => true;
    private static readonly Func<ClaimsPrincipal, bool> SignedIn = u => u.Identity?.IsAuthenticated == true;

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/", "Start", Everyone),
        new("/jobb", "Lediga chefsjobb", Everyone),
        new("/rekrytering", "Rekrytering", AnyRole(Roller.RekryterandeChef, Roller.HR, Roller.Chef)),
        new("/introduktion", "Introduktion", AnyRole(Roller.Chef, Roller.HR)),
        new("/avveckling", "Avveckling", AnyRole(Roller.Chef, Roller.HR)),
        new("/ledarakademin", "Ledarakademin", AnyRole(Roller.Chef, Roller.HR)),
        new("/mitt-ledarskap", "Mitt ledarskap", AnyRole(Roller.Chef, Roller.HR)),
        new("/arets-chef", "Årets chef", SignedIn),
        new("/rapporter", "Rapporter", u => u.IsInRole(Roller.HR) || u.HasClaim(PortalClaims.Ledning, "1")),
        new("/granskning", "Granskningslogg", AnyRole(Roller.HR)),
        new("/registerutdrag", "Registerutdrag", AnyRole(Roller.HR)),
        new("/policy", "Ledarpolicy", Everyone),
        new("/behorigheter", "Behörigheter", AnyRole(Roller.HR, Roller.Admin)),
        new("/admin", "Administration", AnyRole(Roller.Admin)),
    ];

    public static IEnumerable<Item> For(ClaimsPrincipal user) => Items.Where(i => i.Visible(user));

    public static bool IsCurrent(Item item, string path) =>
        item.Href == "/" ? path == "/" : path.Equals(item.Href, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(item.Href + "/", StringComparison.OrdinalIgnoreCase);
}
