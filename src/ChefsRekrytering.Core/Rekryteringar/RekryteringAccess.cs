using System.Security.Claims;
using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>
/// Who may do what with a recruitment: the one rule, called by <see cref="RekryteringService"/>'s and
/// <see cref="KandidatService"/>'s commands and queries (pages declare only that the user is signed in). Its candidates
/// are visible to the recruiting manager who owns it, to HR and to the members of its interview panel only; the owner
/// and HR run it, the panel records interview assessments and nothing else; a few steps are HR's alone.
/// </summary>
public static class RekryteringAccess
{
    public static bool IsHr(ClaimsPrincipal user) => user.IsInRole(Roller.HR);

    public static bool IsOwner(ClaimsPrincipal user, Rekrytering r) => user.UserId() is { } id && r.AgareUserId == id;

    public static bool IsPanel(ClaimsPrincipal user, Rekrytering r) => user.UserId() is { } id && r.Panel.Any(p => p.UserId == id);

    /// <summary>Starts a recruitment: recruiting managers and HR, in their own municipality.</summary>
    public static bool CanCreate(ClaimsPrincipal user) =>
        user.KommunId() is not null && user.UserId() is not null && (user.IsInRole(Roller.RekryterandeChef) || IsHr(user));

    /// <summary>Sees the recruitment, its candidates and their documents: in one's own municipality (the query filter
    /// already says so; the rule does not lean on it), as HR, owner or panel. Needs <see cref="Rekrytering.Panel"/> loaded.</summary>
    public static bool CanView(ClaimsPrincipal user, Rekrytering r) =>
        user.KommunId() == r.KommunId && (IsHr(user) || IsOwner(user, r) || IsPanel(user, r));

    /// <summary>Runs the recruitment: every step except those kept for HR.</summary>
    public static bool CanManage(ClaimsPrincipal user, Rekrytering r) => CanView(user, r) && (IsHr(user) || IsOwner(user, r));

    /// <summary>Records one's own interview assessments.</summary>
    public static bool CanAssess(ClaimsPrincipal user, Rekrytering r) => CanView(user, r);

    /// <summary>Approving the need is HR's check (with the LAS priority right), not the owner's own.</summary>
    public static bool CanApproveNeed(ClaimsPrincipal user) => IsHr(user);

    /// <summary>The LAS priority right is checked by HR.</summary>
    public static bool CanCheckLas(ClaimsPrincipal user) => IsHr(user);

    /// <summary>Holding gallring (a discrimination claim) and handing the recruitment out as a public record are HR's.</summary>
    public static bool CanKeepRecords(ClaimsPrincipal user) => IsHr(user);

    /// <summary>Why this user may not fire the recruitment's trigger, as a sentence for the page; null when they may (the
    /// workflow then decides whether it is possible now).</summary>
    public static string? DenialToFire(ClaimsPrincipal user, Rekrytering r, RekryteringsHandelse trigger) => trigger switch
    {
        RekryteringsHandelse.GodkannBehov when !CanApproveNeed(user) => "Behovet godkänns av HR.",
        RekryteringsHandelse.ReturneraBehov when !CanApproveNeed(user) => "Behovet prövas av HR.",
        _ when !CanManage(user, r) => "Bara rekryterande chef och HR kan driva rekryteringen.",
        _ => null,
    };

    /// <summary>
    /// The anonymised first screening (<see cref="Rekrytering.AnonymtUrval"/>): an applicant is "Sökande 7" with the
    /// screening answers, without name, e-mail, phone or documents, until called to interview, or until the owner or HR
    /// lifts the anonymity for all with a reason. The same for everyone in the recruitment, HR too: HR often makes the
    /// first screening, and a screener who could see more than the others would defeat it. Every page that names an
    /// applicant goes through <see cref="Kandidat.Visningsnamn"/>, and documents through <see cref="KandidatDocumentAccess"/>.
    /// </summary>
    public static bool ArAnonym(Rekrytering r, Kandidat k) =>
        r.AnonymtUrval && r.AnonymitetHavdUtc is null && k.AnonymitetHavdUtc is null && !Kandidat.KalladTillIntervju.Contains(k.State);

    /// <summary>The screening questions and whether the screening is anonymous are chosen by those who run the
    /// recruitment, while the advert is written; the anonymity is lifted by them too.</summary>
    public static bool CanDefineScreening(ClaimsPrincipal user, Rekrytering r) => CanManage(user, r);

    /// <summary>The recruitments a user may see, as a query: all for HR, else own and panel ones.</summary>
    public static IQueryable<Rekrytering> VisibleTo(this IQueryable<Rekrytering> query, ClaimsPrincipal user)
    {
        if (IsHr(user)) return query;
        var id = user.UserId() ?? "";
        return query.Where(r => r.AgareUserId == id || r.Panel.Any(p => p.UserId == id));
    }
}
