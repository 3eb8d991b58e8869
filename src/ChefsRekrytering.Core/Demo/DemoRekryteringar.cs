using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Demo;

/// <summary>
/// Demo recruitments at different steps, driven through the same commands the pages call, by the demo accounts of the
/// recruiting manager and HR, so their rules, history and versions are real too. The applicants arrive as the public's
/// applications would (a candidate with a CV), without the confirmation mail to an address nobody reads.
/// </summary>
public sealed class DemoRekryteringar(AppDbContext db, CurrentKommun kommun, RekryteringService service, DocumentService documents,
    PolicyLibrary policies, UserManager<ApplicationUser> users, IUserClaimsPrincipalFactory<ApplicationUser> principals)
{
    public async Task SeedAsync(string kommunId, CancellationToken ct = default)
    {
        kommun.Use(kommunId);
        if (await db.Set<Rekrytering>().AnyAsync(ct)) return;
        switch (kommunId)
        {
            case "kalix":
                await AdvertisedAsync("Enhetschef Äldreboendet Furugården", "Äldreboendet Furugården", "rekryterande", "jury", ct,
                    ("Maja", "Lindholm", "070-123 45 67"), ("Ahmed", "Hassan", "073-234 56 78"), ("Kristina", "Björk", "076-345 67 89"));
                await NeedSentAsync("Rektor Centrumskolan", "Centrumskolan", "rekryterande", ct);
                break;
            case "alvsbyn":
                await ProfileDraftAsync("Enhetschef Bredåkra särskilt boende", "Bredåkra särskilt boende", "rekryterande", ct);
                break;
        }
    }

    private async Task<(int Id, ClaimsPrincipal Owner)> NewAsync(string titel, string unitName, string ownerLogin, CancellationToken ct)
    {
        var owner = await SignedInAsync(ownerLogin);
        var unit = await db.Enheter.FirstAsync(e => e.Namn == unitName, ct);
        var created = await service.SkapaAsync(new Behov(titel, unit.Id,
            $"{unit.Namn} behöver en chef som leder verksamheten vidare. Nuvarande chef går i pension och enheten växer.",
            Anstallningsform.Tillsvidare, 100, DateOnly.FromDateTime(db.UtcNow).AddMonths(4)), owner, ct);
        if (!created.Succeeded) throw new InvalidOperationException($"Demodata: {titel} kunde inte skapas: {string.Join(" ", created.Result.Reasons)}");
        return (created.Value, owner);
    }

    private async Task NeedSentAsync(string titel, string unit, string owner, CancellationToken ct)
    {
        var (id, o) = await NewAsync(titel, unit, owner, ct);
        await StepAsync(id, "SkickaForBehovsprovning", v => service.FireAsync(id, v, RekryteringsHandelse.SkickaForBehovsprovning, null, o, ct), ct);
    }

    private async Task<(int Id, ClaimsPrincipal Owner, Kravprofilval Profil)> ProfileDraftAsync(string titel, string unit, string owner, CancellationToken ct)
    {
        var (id, o) = await NewAsync(titel, unit, owner, ct);
        var hr = await SignedInAsync("hr");
        await StepAsync(id, "SkickaForBehovsprovning", v => service.FireAsync(id, v, RekryteringsHandelse.SkickaForBehovsprovning, null, o, ct), ct);
        await StepAsync(id, "LAS", v => service.RegistreraLasAsync(id, v, LasUtfall.IngenForetradesratt, null, hr, ct), ct);
        await StepAsync(id, "GodkannBehov", v => service.FireAsync(id, v, RekryteringsHandelse.GodkannBehov, null, hr, ct), ct);

        // Two requirements from each area of the municipality's own policy, weighted 3, 4, 5, 3, …
        var valda = policies.Get(kommun.Required).Kompetensomraden.SelectMany(a => a.Krav.Take(2)).Select(k => k.Id).ToList();
        var profil = new Kravprofilval(
            policies.Get(kommun.Required).AllaKrav.Select(k => new PolicyKravval(k.Id, valda.Contains(k.Id), 3 + Math.Max(0, valda.IndexOf(k.Id)) % 3, null)).ToList(), []);
        await StepAsync(id, "Kravprofil", v => service.SparaKravprofilAsync(id, v, profil, o, ct), ct);
        return (id, o, profil);
    }

    private async Task AdvertisedAsync(string titel, string unit, string owner, string panelLogin, CancellationToken ct,
        params (string Fornamn, string Efternamn, string Telefon)[] applicants)
    {
        var (id, o, profil) = await ProfileDraftAsync(titel, unit, owner, ct);
        var panel = (await users.FindByEmailAsync(DemoSeeder.LoginFor(kommun.Required, panelLogin)))!;
        await StepAsync(id, "Panel", v => service.LaggTillIPanelenAsync(id, v, panel.Id, o, ct), ct);
        await StepAsync(id, "Faststall", v => service.FaststallKravprofilAsync(id, v, profil, o, ct), ct);
        var annons = $"Vill du leda {unit} tillsammans med engagerade medarbetare? Vi söker en chef som delar kommunens syn på ledarskap " +
                     "och vill utveckla verksamheten till största nytta för kommuninvånarna.\n\nDu har personal-, arbetsmiljö-, budget- och " +
                     "verksamhetsansvar och ingår i förvaltningens ledningsgrupp. Vi lägger stor vikt vid personlig lämplighet.";
        // What Platsbanken needs, should it be configured (only Kalix publishes an advert in the demo).
        var platsbanken = new Platsbanken.Platsbanksfalt("Noad_FWq_mY2", Platsbanken.Platsbankstaxonomi.Kommuner.GetValueOrDefault(kommun.Required)?.Id,
            "PFZr_Syz_cUq", "a7uU_j21_mkL", "6YE1_gAC_R2G", "oG8G_9cW_nRf", null, "95231", "Kalix");
        await StepAsync(id, "Annons", v => service.SparaAnnonsAsync(id, v, annons, service.Today.AddDays(21), o, ct, falt: platsbanken), ct);
        await StepAsync(id, "PubliceraAnnons", v => service.FireAsync(id, v, RekryteringsHandelse.PubliceraAnnons, null, o, ct), ct);

        foreach (var (fornamn, efternamn, telefon) in applicants)
        {
            var k = new Kandidat
            {
                KommunId = kommun.Required, RekryteringId = id, Fornamn = fornamn, Efternamn = efternamn,
                Epost = $"{PolicyFileParser.Slugify(fornamn)}.{PolicyFileParser.Slugify(efternamn)}@example.com", Telefon = telefon,
                InkomUtc = db.UtcNow, SamtyckeVersion = "demo", SamtyckeUtc = db.UtcNow,
                AtkomstHash = Convert.ToHexString(SHA256.HashData(RandomNumberGenerator.GetBytes(32))),
            };
            db.Add(k);
            await db.SaveChangesAsync(ct);
            var cv = await documents.UploadAsync(new MemoryStream(Pdf($"CV {fornamn} {efternamn}")), $"CV {fornamn} {efternamn}.pdf",
                DokumentTyp.CV, KandidatDocumentAccess.Owner, k.Id, AnsokanService.Uppladdare, ct);
            // Like a refused step: demo data with a hole in it would show a candidate without the CV HR expects.
            if (!cv.Succeeded) throw new InvalidOperationException($"Demodata: CV:t för {fornamn} {efternamn} kunde inte sparas: {cv.Error}");
        }
    }

    /// <summary>One command on the recruitment as it now is; a refused step stops the seeding with the command's reasons.</summary>
    private async Task StepAsync(int id, string steg, Func<Guid, Task<CommandResult>> command, CancellationToken ct)
    {
        var version = await db.Set<Rekrytering>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);
        var result = await command(version);
        if (!result.Succeeded) throw new InvalidOperationException($"Demodata: {steg} nekades: {string.Join(" ", result.Reasons)}");
    }

    private async Task<ClaimsPrincipal> SignedInAsync(string login) =>
        await principals.CreateAsync((await users.FindByEmailAsync(DemoSeeder.LoginFor(kommun.Required, login)))!);

    /// <summary>A one-page PDF whose only content is a title: enough to be a real file that opens.</summary>
    public static byte[] Pdf(string title)
    {
        var stream = $"BT /F1 18 Tf 72 770 Td ({title.Replace("(", "").Replace(")", "")}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        // Latin-1 bytes: å, ä and ö are in the font's WinAnsiEncoding.
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
