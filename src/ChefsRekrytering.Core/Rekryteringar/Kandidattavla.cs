using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>One applicant on the board: what the page calls them (<see cref="Kandidat.Visningsnamn"/>), the version the
/// card's form carries, and the columns a move may go to now (the process permits the step that leads there).</summary>
public sealed record Tavelkort(int KandidatId, string Namn, Guid Version, KandidatTillstand Tillstand, IReadOnlyList<KandidatTillstand> Till);

/// <summary>One column of the board: a state of the application, with its applicants in the order they came in.</summary>
public sealed record Tavelkolumn(KandidatTillstand Tillstand, string Rubrik, IReadOnlyList<Tavelkort> Kort);

/// <summary>The recruitment's board as one user may see it: its columns, whether they move cards and run bulk actions, and
/// the municipality's refusal reasons to choose among.</summary>
public sealed record Tavla(Rekrytering Rekrytering, bool KanDriva, IReadOnlyList<Tavelkolumn> Kolumner, IReadOnlyList<AvslagService.Avslagsval> Avslagsskal)
{
    public int Antal => Kolumner.Sum(k => k.Kort.Count);
}

/// <summary>What a bulk action may do: write to the applicants, tell them they do not go on, or invite them to choose an
/// interview time.</summary>
public enum Massatgard
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Skicka ett meddelande")] Meddela,
    [System.ComponentModel.DataAnnotations.Display(Name = "Meddela att ansökan inte går vidare")] EjAktuell,
    [System.ComponentModel.DataAnnotations.Display(Name = "Bjud in att välja intervjutid")] BjudIn,
}

/// <summary>
/// The recruitment's board (<c>/rekrytering/{id}/tavla</c>): a column per state of the application, a card per applicant,
/// and bulk actions on the applicants ticked. Moving a card is <see cref="KandidatService.FlyttaAsync"/>, which fires
/// the step through the process like the applicant's own page. A bulk action is one transaction: every applicant the
/// process and the rules permit changes, each with their own mail through the outbox, and the rest are listed with why;
/// an id not of this recruitment refuses the whole action with nothing changed. Under <see cref="RekryteringAccess"/>,
/// as the recruitment's candidate list: seen by owner, HR and panel, run by owner and HR.
/// </summary>
public sealed class Kandidattavla(AppDbContext db, RekryteringService rekryteringar, Intervjutider intervjutider, AvslagService avslag, Outbox outbox)
{
    /// <summary>The step that leads to each column a card can be moved to without a form of its own.</summary>
    private static readonly Dictionary<KandidatTillstand, KandidatHandelse> Steg = new()
    {
        [KandidatTillstand.Granskad] = KandidatHandelse.Granska,
        [KandidatTillstand.Intervjuad] = KandidatHandelse.MarkeraIntervjuad,
        [KandidatTillstand.ReferenserTagna] = KandidatHandelse.ReferenserTagna,
        [KandidatTillstand.Foreslagen] = KandidatHandelse.Foresla,
        [KandidatTillstand.Anstalld] = KandidatHandelse.Acceptera,
        [KandidatTillstand.TackatNej] = KandidatHandelse.TackaNej,
    };

    /// <summary>The step that leads to <paramref name="till"/> (a column of <see cref="Steg"/>).</summary>
    internal static KandidatHandelse HandelseTill(KandidatTillstand till) => Steg[till];

    /// <summary>Where a column reached only with details of its own is set, or null when a move can set it.</summary>
    internal static string? Medformular(KandidatTillstand till) => till switch
    {
        _ when Steg.ContainsKey(till) => null,
        KandidatTillstand.IntervjuBokad => "Intervjun bokas med tid och plats på kandidatens sida, eller med en inbjudan att välja tid nedan.",
        KandidatTillstand.Erbjuden => "Erbjudandet lämnas med startdatum och villkor på kandidatens sida.",
        KandidatTillstand.EjAktuell => "Välj ett skäl: markera kandidaten och använd ”Meddela att ansökan inte går vidare” nedan.",
        KandidatTillstand.Atertagen => "Ansökan återtas med en bekräftelse på kandidatens sida.",
        KandidatTillstand.Inkommen => "En ansökan flyttas inte tillbaka till Inkommen.",
        _ => "Kolumnen finns inte.",
    };

    // ---- Query ----

    /// <summary>The board for this user, or null when they may not see the recruitment.</summary>
    public async Task<Tavla?> TavlaAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await rekryteringar.SynligAsync(id, user, ct) is not { Rekrytering: var r } synlig) return null;
        var kort = r.Kandidater.OrderBy(k => k.InkomUtc).ThenBy(k => k.Id).Select(k =>
        {
            var mojliga = synlig.KanDriva
                ? KandidatService.Atgarder(k, r, rekryteringar.Workflow(k, r))
                    .Where(a => a.Permitted && Steg.ContainsValue(a.Trigger))
                    .Select(a => Steg.First(s => s.Value == a.Trigger).Key).ToList()
                : [];
            return new Tavelkort(k.Id, k.Visningsnamn, k.Version, k.State, mojliga);
        }).ToList();
        var kolumner = Enum.GetValues<KandidatTillstand>()
            .Select(s => new Tavelkolumn(s, SwedishText.Of(s), kort.Where(c => c.Tillstand == s).ToList())).ToList();
        var skal = synlig.KanDriva ? await avslag.AktivaAsync(ct) : [];
        return new(r, synlig.KanDriva, kolumner, skal);
    }

    // ---- Bulk actions ----

    public const string IngenVald = "Markera minst en kandidat.";

    /// <summary>The ticked applicants do not go on, for one of the municipality's active refusal reasons: each gets that
    /// reason's mail (in their language) through the outbox, as from their own page; those the process refuses are listed.</summary>
    public Task<CommandResult> EjAktuellAsync(int id, IReadOnlyList<int> kandidatIds, string? avslagsskal, ClaimsPrincipal user, CancellationToken ct = default) =>
        MassAsync(id, kandidatIds, user, ct, async (r, valda) =>
        {
            var aktiva = await avslag.AktivaAsync(ct);
            var skal = aktiva.FirstOrDefault(a => a.Nyckel == avslagsskal);
            if (skal is null && aktiva.Count > 0) return (KandidatService.AvslagsskalSaknas, null);
            return (null, async k =>
            {
                var result = await rekryteringar.EjAktuellAsync(k, r, skal, user.Actor());
                if (result.Succeeded) return null;
                var varfor = $"kan inte markeras ej aktuell från {SwedishText.Of(k.State)}";
                return result.Guards.All(g => g.Code == GuardReason.FelLage) ? varfor : $"{varfor}. {string.Join(" ", result.Reasons)}";
            });
        }, n => $"{SwedishText.Antal(n, "ansökan", "ansökningar")} går inte vidare, och var och en får besked per e-post.");

    /// <summary>The ticked applicants are invited to choose an interview time on their own page, each with a mail
    /// (<see cref="Intervjutider.BjudInAsync"/>); those who cannot be invited now are listed.</summary>
    public Task<CommandResult> BjudInAsync(int id, IReadOnlyList<int> kandidatIds, ClaimsPrincipal user, CancellationToken ct = default) =>
        MassAsync(id, kandidatIds, user, ct, (r, valda) => Task.FromResult<(string?, Func<Kandidat, Task<string?>>?)>(
            (null, async k => await intervjutider.BjudInUtanAttSparaAsync(r, k, user.Actor(), ct) is { } hinder ? Utan(k, hinder) : null)),
            n => $"{SwedishText.Antal(n, "kandidat är inbjuden", "kandidater är inbjudna")} att välja en intervjutid och får ett mejl med länken.");

    public const int MeddelandeMaxLangd = 4000;
    public const string TomtMeddelande = "Skriv meddelandet till kandidaterna.";
    public static readonly string ForLangtMeddelande = $"Meddelandet får ha högst {MeddelandeMaxLangd} tecken.";

    /// <summary>The ticked applicants get the sender's message in the mail template "meddelande-till-sokande" (HR words its
    /// frame on /mallar; an English applicant gets its English frame around the same message), each through the outbox
    /// with the applicant's history as its topic. Not to those who withdrew or whose data gallring has removed.</summary>
    public Task<CommandResult> MeddelaAsync(int id, IReadOnlyList<int> kandidatIds, string? meddelande, ClaimsPrincipal user, CancellationToken ct = default) =>
        MassAsync(id, kandidatIds, user, ct, (r, valda) =>
        {
            var text = meddelande?.Trim() ?? "";
            string? hinder = text.Length == 0 ? TomtMeddelande : text.Length > MeddelandeMaxLangd ? ForLangtMeddelande : null;
            var stycken = MeddelandeTillSokande.Stycken(text);
            Func<Kandidat, Task<string?>> andra = async k =>
            {
                if (k.GallradUtc is not null) return "uppgifterna är gallrade";
                if (k.State == KandidatTillstand.Atertagen) return "har återtagit sin ansökan";
                await outbox.EnqueueAsync<MeddelandeTillSokande, MeddelandeTillSokande.Innehall>(k.Mottagare, $"Meddelande om din ansökan – {r.Titel}",
                    new MeddelandeTillSokande.Innehall(k.Namn, r.Titel, r.Diarienummer, rekryteringar.KommunNamn(r), user.Namn(), stycken),
                    topic: $"Kandidat:{k.Id}", kommunId: r.KommunId);
                return null;
            };
            return Task.FromResult<(string?, Func<Kandidat, Task<string?>>?)>((hinder, hinder is null ? andra : null));
        }, n => $"Meddelandet är skickat till {SwedishText.Antal(n, "kandidat", "kandidater")}.");

    /// <summary>A reason that already names the applicant loses the name: the list names each one first.</summary>
    private static string Utan(Kandidat k, string hinder) =>
        hinder.StartsWith(k.Visningsnamn + " ", StringComparison.Ordinal) ? hinder[(k.Visningsnamn.Length + 1)..] : hinder;

    /// <summary>
    /// Every bulk action: the recruitment visible (else not found) and run by this user (else forbidden); every id one of
    /// its applicants (else refused, nothing changed); then <paramref name="forbered"/> says why the whole action cannot
    /// be taken, or gives the change for one applicant (null when done, else why not). The permitted ones are saved in
    /// one transaction; when none is, nothing is and the reasons are shown.
    /// </summary>
    private async Task<CommandResult> MassAsync(int id, IReadOnlyList<int> kandidatIds, ClaimsPrincipal user, CancellationToken ct,
        Func<Rekrytering, IReadOnlyList<Kandidat>, Task<(string? Hinder, Func<Kandidat, Task<string?>>? Andra)>> forbered, Func<int, string> klart)
    {
        if (await rekryteringar.SynligAsync(id, user, ct) is not { Rekrytering: var r } synlig) return CommandResult.NotFound;
        if (!synlig.KanDriva) return CommandResult.Forbidden;
        var ids = kandidatIds.Distinct().ToList();
        if (ids.Count == 0) return CommandResult.Refused(IngenVald);
        var frammande = ids.Where(i => r.Kandidater.All(k => k.Id != i)).ToList();
        if (frammande.Count > 0)
            return CommandResult.Refused($"{SwedishText.Antal(frammande.Count, "markerad sökande hör", "markerade sökande hör")} inte till den här rekryteringen. Ingenting är ändrat; ladda om sidan och markera igen.");
        var valda = r.Kandidater.Where(k => ids.Contains(k.Id)).OrderBy(k => k.InkomUtc).ThenBy(k => k.Id).ToList();
        var (hinder, andra) = await forbered(r, valda);
        if (hinder is not null || andra is null) return CommandResult.Refused(hinder ?? "Åtgärden kan inte göras.");

        var nekade = new List<string>();
        foreach (var k in valda)
            if (await andra(k) is { } varfor) nekade.Add($"{k.Visningsnamn}: {varfor}");
        var gjorda = valda.Count - nekade.Count;
        if (gjorda == 0) return db.Refuse(["Ingen av de markerade ändrades.", .. nekade]);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return VersionedCommands.Conflict();
        }
        return new CommandResult(Outcome.Done, nekade, klart(gjorda) + (nekade.Count > 0 ? $" {SwedishText.Antal(nekade.Count, "markerad ändrades", "markerade ändrades")} inte; se listan." : ""));
    }
}
