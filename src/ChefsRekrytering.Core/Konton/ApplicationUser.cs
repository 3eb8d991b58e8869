using Microsoft.AspNetCore.Identity;

namespace ChefsRekrytering.Konton;

/// <summary>
/// A sign-in account. It belongs to one municipality and, for employees, to one person. Like every other record it is
/// filtered to the current municipality, so no lookup by e-mail or id can reach another municipality's account; the
/// few steps that must look across (signing in, a set-password link) go through <see cref="Kontoregister"/>.
/// </summary>
public class ApplicationUser : IdentityUser, Kommuner.IKommunEntity
{
    public required string KommunId { get; set; }
    public required string Namn { get; set; }
    public int? PersonId { get; set; }
}

/// <summary>Role names as stored and shown. A user may hold several.</summary>
public static class Roller
{
    public const string Medarbetare = "Medarbetare";
    public const string Chef = "Chef";
    public const string RekryterandeChef = "Rekryterande chef";
    public const string HR = "HR";
    public const string Jury = "Jury";
    public const string Admin = "Admin";
    /// <summary>
    /// Adds municipalities to the portal (<see cref="Kommuner.KommunService"/>) and nothing else: it opens no data of any
    /// municipality, not even its own beyond what its other roles give.
    /// </summary>
    public const string Portaladministrator = "Portaladministratör";

    public static readonly IReadOnlyList<string> Alla = [Medarbetare, Chef, RekryterandeChef, HR, Jury, Admin, Portaladministrator];

    /// <summary>The roles a municipality's Admin gives and takes: all but <see cref="Portaladministrator"/>, which is the
    /// portal's, given by whoever runs the deployment, never by one municipality.</summary>
    public static readonly IReadOnlyList<string> Kommunens = [Medarbetare, Chef, RekryterandeChef, HR, Jury, Admin];

    public static string Beskrivning(string roll) => roll switch
    {
        Medarbetare => "läser ledarpolicyn och nominerar Årets chef",
        Chef => "egen introduktion, Ledarakademin och självskattning; närmast högre chef för chefer under sig",
        RekryterandeChef => "driver rekryteringar av chefer",
        HR => "stödjer rekryteringar, introduktioner och avvecklingar; rapporter",
        Jury => "läser nomineringar till Årets chef och beslutar",
        Admin => "kommuner, användare, enheter och inställningar",
        Portaladministrator => "lägger till nya kommuner i portalen; ser inga andra kommuners handlingar",
        _ => roll,
    };
}

public static class PortalClaims
{
    public const string Kommun = Kommuner.CurrentKommun.ClaimType;
    public const string PersonId = "person";
    public const string Namn = "namn";
    /// <summary>Present when the user's person leads the kommunledning or a förvaltning (the municipality's leadership):
    /// shows them the reports in the menu. Set at sign-in; the reports page itself asks the org tree on every request.</summary>
    public const string Ledning = "ledning";
}
