using System.Security.Claims;
using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>The main menu: each entry names its page and shows only to the roles that can use it.</summary>
public static class Navigation
{
    public sealed record Item(string Page, string Text, Func<ClaimsPrincipal, bool> Visible);

    private static Func<ClaimsPrincipal, bool> AnyRole(params string[] roles) => u => roles.Any(u.IsInRole);
    private static readonly Func<ClaimsPrincipal, bool> Everyone = _ => true;
    private static readonly Func<ClaimsPrincipal, bool> SignedIn = u => u.Identity?.IsAuthenticated == true;

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/Index", "Start", Everyone),
        new("/Jobb/Index", "Lediga chefsjobb", Everyone),
        new("/Rekrytering/Index", "Rekrytering", AnyRole(Roller.RekryterandeChef, Roller.HR, Roller.Chef)),
        new("/Introduktion/Index", "Introduktion", AnyRole(Roller.Chef, Roller.HR)),
        new("/Avveckling/Index", "Avveckling", AnyRole(Roller.Chef, Roller.HR)),
        new("/Ledarakademin/Index", "Ledarakademin", AnyRole(Roller.Chef, Roller.HR)),
        new("/MittLedarskap/Index", "Mitt ledarskap", AnyRole(Roller.Chef, Roller.HR)),
        new("/Chefsforsorjning/Index", "Chefsförsörjning", SignedIn),
        new("/AretsChef/Index", "Årets chef", SignedIn),
        new("/Aterkoppling/Index", "Återkoppling till chefen", SignedIn),
        new("/Rapporter/Index", "Rapporter", u => u.IsInRole(Roller.HR) || u.HasClaim(PortalClaims.Ledning, "1")),
        new("/Granskning/Index", "Granskningslogg", AnyRole(Roller.HR)),
        new("/Registerutdrag/Index", "Registerutdrag", AnyRole(Roller.HR)),
        new("/Policy/Index", "Ledarpolicy", Everyone),
        new("/Behorigheter/Index", "Behörigheter", AnyRole(Roller.HR, Roller.Admin)),
        new("/Mallar/Index", "Mallar", AnyRole(Roller.HR, Roller.Admin)),
        new("/Admin/Index", "Administration", AnyRole(Roller.Admin)),
    ];

    public static IEnumerable<Item> For(ClaimsPrincipal user) => Items.Where(i => i.Visible(user));

    /// <summary>The entry of the shown page's folder (the folder is the URL), or the start page itself.</summary>
    public static bool IsCurrent(Item item, string? page) =>
        item.Page == "/Index" ? page == "/Index" : page?.StartsWith(item.Page[..(item.Page.LastIndexOf('/') + 1)], StringComparison.Ordinal) == true;
}
