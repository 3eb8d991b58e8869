using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;

namespace ChefsRekrytering.Chefsforsorjning;

/// <summary>
/// Who may do what in the pool, checked by every command and query of <see cref="ChefsforsorjningService"/>; deny by
/// default. The entry is the person's own; their chef (the chef of their unit, <see cref="OrgChart.ChefFor"/>) reads and
/// recommends; HR of the municipality sees the pool and invites. HR is per municipality in <see cref="Roller"/>, not
/// per förvaltning, so HR sees every förvaltning and filters.
/// </summary>
public static class ChefsforsorjningAccess
{
    /// <summary>A signed-in employee of a municipality: may declare their own interest.</summary>
    public static bool ArAnstalld(ClaimsPrincipal user) => user.KommunId() is not null && user.PersonId() is not null;

    public static bool ArEgen(ClaimsPrincipal user, int personId) => ArAnstalld(user) && user.PersonId() == personId;

    /// <summary>The person's chef now, as the org tree says: who may read their entry and recommend them.</summary>
    public static bool ArChefFor(ClaimsPrincipal user, int personId, OrgChart org) =>
        ArAnstalld(user) && user.PersonId() is int me && me != personId && org.ChefFor(personId) == me;

    /// <summary>HR of the municipality: sees the pool per förvaltning and invites to open recruitments.</summary>
    public static bool ArHr(ClaimsPrincipal user) => user.IsInRole(Roller.HR) && user.KommunId() is not null;
}

/// <summary>Section <c>Chefsforsorjning</c>: how long an entry in the pool is kept after its last change or consent.</summary>
public sealed class ChefsforsorjningOptions
{
    public const string Section = "Chefsforsorjning";

    [Range(1, 120, ErrorMessage = "Chefsforsorjning:GallringManader ska vara ett antal månader från 1 till 120.")]
    public int GallringManader { get; set; } = 24;
}

/// <summary>
/// What the employee agrees to when they declare interest: what is stored, who sees it and for how long. Each entry
/// stores the <see cref="Version"/> it was given under: change the version whenever the text changes.
/// </summary>
public static class Samtyckestext
{
    public const string Version = "2026-12-v1";

    public static IReadOnlyList<string> Text(string kommun, int manader) =>
    [
        $"{kommun} sparar din intresseanmälan: namn, enhet, vilken sorts chefsroll eller verksamhet du är intresserad av och din " +
        "självskattning mot kommunens ledarpolicy, och om din chef rekommenderar dig, med motivering. Vilka rekryteringar HR har " +
        "bjudit in dig till sparas också.",
        "Uppgifterna ses av dig, av din chef och av HR, som använder dem för att hitta chefer inom kommunen och bjuda in dig att söka.",
        $"Anmälan sparas i {manader} månader efter att du senast ändrade den, och tas bort tidigare om du slutar. " +
        "Du kan ändra den eller ta tillbaka den när du vill; tar du tillbaka den raderas allt direkt.",
    ];
}
