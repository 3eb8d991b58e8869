using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using K = ChefsRekrytering.Rekryteringar.KandidatTillstand;

namespace ChefsRekrytering.Arkiv;

/// <summary>
/// A recruitment as a public record, for a request to see it (utlämnande av allmän handling): the advert, every applicant
/// with the day the application came in and its outcome, and the hiring decision, as one file HR hands out.
///
/// The judgement behind what is left out: the names on the list of applicants, the dates and the decision show how the
/// post was filled and are what such a request is about. Applicants' e-mail addresses and phone numbers are not needed
/// for that and are left out; someone who asks for them specifically gets a separate secrecy assessment. Scorecards,
/// the comparison matrix, reference notes and interview notes are the panel's working material before the decision (the
/// decision and its motivation carry the grounds) and are not part of the export either.
/// </summary>
public static class Utlamnande
{
    public static HtmlDokument Skapa(Rekrytering r, string kommun, string enhet, DateTime nuUtc, string sammanstalldAv)
    {
        var doc = new HtmlDokument($"{r.Diarienummer} {r.Titel} – allmän handling")
            .Rubrik(1, $"{r.Titel}")
            .Fakta([
                ("Diarienummer", r.Diarienummer), ("Kommun", kommun), ("Enhet", enhet),
                ("Anställning", $"{SwedishText.Of(r.Anstallningsform)}, {r.Omfattning} %"),
                ("Annonserad", Datum(r.PubliceradUtc)), ("Sista ansökningsdag", r.SistaAnsokningsdag?.ToString("yyyy-MM-dd")),
                ("Läge", SwedishText.Of(r.State)),
            ])
            .Stycke($"Sammanställd {SwedishTime.ToLocal(nuUtc):yyyy-MM-dd HH:mm} av {sammanstalldAv}. Sökandes kontaktuppgifter, " +
                "intervjubedömningar och referenser ingår inte: de behövs inte för att visa hur tjänsten tillsattes. " +
                "Sökande vars personuppgifter har gallrats visas som ”" + Kandidat.GallradNamn + "”.", not: true)
            .Rubrik(2, "Annons");
        if (string.IsNullOrWhiteSpace(r.Annonstext)) doc.Stycke("Tjänsten annonserades inte.");
        else foreach (var stycke in r.Annonstext.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)) doc.Stycke(stycke.Trim());

        var sokande = r.Kandidater.OrderBy(k => k.InkomUtc).ThenBy(k => k.Id).ToList();
        doc.Rubrik(2, "Sökande")
            .Tabell($"{sokande.Count} sökande, i den ordning ansökningarna kom in", ["Nr", "Namn", "Inkom", "Utfall"],
                sokande.Select((k, i) => (IReadOnlyList<string?>)[(i + 1).ToString(), k.Namn, Datum(k.InkomUtc), Utfall(k)]));

        doc.Rubrik(2, "Beslut");
        if (r.BeslutDatum is { } beslut)
            doc.Fakta([
                ("Beslutsdatum", beslut.ToString("yyyy-MM-dd")), ("Beslutsfattare", r.Beslutsfattare),
                ("Anställd", r.Kandidater.FirstOrDefault(k => k.Id == r.ValdKandidatId)?.Namn), ("Motivering", r.BeslutMotivering),
            ]);
        else if (r.State == RekryteringsTillstand.Avbruten)
            doc.Fakta([("Rekryteringen avbröts", Datum(r.AvbrutenUtc)), ("Skäl", r.AvbrottsSkal)]);
        else doc.Stycke("Inget anställningsbeslut är fattat ännu.");
        return doc;
    }

    /// <summary>The outcome as it may be told: final outcomes by name, everything before them as "under handläggning".</summary>
    public static string Utfall(Kandidat k) => k.State switch
    {
        K.Anstalld or K.EjAktuell or K.Atertagen => SwedishText.Of(k.State),
        K.TackatNej => "Tackade nej till erbjudandet",
        _ => "Under handläggning",
    };

    private static string? Datum(DateTime? utc) => utc is { } u ? SwedishTime.ToLocal(u).ToString("yyyy-MM-dd") : null;
}

/// <summary>HR hands out public records, so HR makes the file (<see cref="ArkivAccess.ArHr"/>); each one is logged.</summary>
public sealed class UtlamnandeService(AppDbContext db, PolicyLibrary policies, AuditLog audit)
{
    /// <summary>The recruitment as one self-contained HTML file (see <see cref="Utlamnande"/> for what it leaves out and
    /// why); null (not found) for anyone but HR of its municipality.</summary>
    public async Task<Utdragsfil?> AllmanHandlingAsync(int rekryteringId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ArkivAccess.ArHr(user)) return null;
        var r = await db.Set<Rekrytering>().AsNoTracking().Include(x => x.Kandidater).Include(x => x.Enhet).FirstOrDefaultAsync(x => x.Id == rekryteringId, ct);
        if (r is null || r.KommunId != user.KommunId()) return null;
        var doc = Utlamnande.Skapa(r, policies.Find(r.KommunId)?.Kommun ?? r.KommunId, r.Enhet?.Namn ?? "", db.UtcNow, user.Namn());
        audit.Add(user, Granskning.AuditAction.LaddadeNed, Granskningsobjekt.Rekrytering, r.Id, "Utlämnande av allmän handling");
        await db.SaveChangesAsync(ct);
        var fil = $"{r.Diarienummer.Replace(' ', '-').Replace('/', '-')}-allman-handling-{SwedishTime.ToLocal(db.UtcNow):yyyy-MM-dd}.html";
        return new Utdragsfil(doc.ToBytes(), fil, "text/html; charset=utf-8");
    }
}
