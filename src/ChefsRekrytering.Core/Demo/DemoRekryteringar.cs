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

/// <summary>Demo recruitments at different steps, driven through the real workflow so their history is real too.</summary>
public sealed class DemoRekryteringar(AppDbContext db, CurrentKommun kommun, RekryteringService service, DocumentService documents,
    PolicyLibrary policies, UserManager<ApplicationUser> users)
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

    private async Task<(Rekrytering R, ApplicationUser Owner)> NewAsync(string titel, string unitName, string ownerLogin, CancellationToken ct)
    {
        var owner = (await users.FindByEmailAsync(DemoSeeder.LoginFor(kommun.Required, ownerLogin)))!;
        var unit = await db.Enheter.FirstAsync(e => e.Namn == unitName, ct);
        var r = await service.CreateAsync(kommun.Required, titel, unit.Id, owner.Id, owner.Namn, ct);
        r.Behovsbeskrivning = $"{unit.Namn} behöver en chef som leder verksamheten vidare. Nuvarande chef går i pension och enheten växer.";
        r.OnskatTilltrade = DateOnly.FromDateTime(db.UtcNow).AddMonths(4);
        await db.SaveChangesAsync(ct);
        return (r, owner);
    }

    private async Task NeedSentAsync(string titel, string unit, string owner, CancellationToken ct)
    {
        var (r, o) = await NewAsync(titel, unit, owner, ct);
        await Fire(r, RekryteringsHandelse.SkickaForBehovsprovning, new Actor(o.Id, o.Namn), ct);
    }

    private async Task<Rekrytering> ProfileDraftAsync(string titel, string unit, string owner, CancellationToken ct)
    {
        var (r, o) = await NewAsync(titel, unit, owner, ct);
        var hr = (await users.FindByEmailAsync(DemoSeeder.LoginFor(kommun.Required, "hr")))!;
        await Fire(r, RekryteringsHandelse.SkickaForBehovsprovning, new Actor(o.Id, o.Namn), ct);
        r.LasUtfall = LasUtfall.IngenForetradesratt;
        r.LasKontrolleradUtc = db.UtcNow;
        r.LasKontrolleradAv = hr.Namn;
        await Fire(r, RekryteringsHandelse.GodkannBehov, new Actor(hr.Id, hr.Namn), ct);

        // Two requirements from each area of the municipality's own policy.
        var policy = policies.Get(kommun.Required);
        var profile = new Kravprofil { KommunId = r.KommunId, Version = 1 };
        var order = 0;
        foreach (var krav in policy.Kompetensomraden.SelectMany(a => a.Krav.Take(2)))
            profile.Kompetenser.Add(new KravprofilKompetens
            {
                KommunId = r.KommunId, PolicyKravId = krav.Id, Omrade = krav.AreaNamn, Text = krav.Text, Vikt = 3 + order % 3,
                Intervjufraga = Intervjufragor.For(krav.Text), Ordning = order++,
            });
        r.Kravprofiler.Add(profile);
        await db.SaveChangesAsync(ct);
        return r;
    }

    private async Task AdvertisedAsync(string titel, string unit, string owner, string panelLogin, CancellationToken ct,
        params (string Fornamn, string Efternamn, string Telefon)[] applicants)
    {
        var r = await ProfileDraftAsync(titel, unit, owner, ct);
        var o = (await users.FindByEmailAsync(DemoSeeder.LoginFor(kommun.Required, owner)))!;
        var panel = (await users.FindByEmailAsync(DemoSeeder.LoginFor(kommun.Required, panelLogin)))!;
        r.Panel.Add(new PanelMedlem { KommunId = r.KommunId, UserId = panel.Id, Namn = panel.Namn });
        r.Kravprofiler[0].Faststalld = true;
        r.Kravprofiler[0].FaststalldUtc = db.UtcNow;
        r.Kravprofiler[0].FaststalldAv = o.Namn;
        r.Annonstext = $"Vill du leda {unit} tillsammans med engagerade medarbetare? Vi söker en chef som delar kommunens syn på ledarskap " +
                       "och vill utveckla verksamheten till största nytta för kommuninvånarna.\n\nDu har personal-, arbetsmiljö-, budget- och " +
                       "verksamhetsansvar och ingår i förvaltningens ledningsgrupp. Vi lägger stor vikt vid personlig lämplighet.";
        r.SistaAnsokningsdag = DateOnly.FromDateTime(db.UtcNow).AddDays(21);
        await Fire(r, RekryteringsHandelse.PubliceraAnnons, new Actor(o.Id, o.Namn), ct);

        foreach (var (fornamn, efternamn, telefon) in applicants)
        {
            var k = new Kandidat
            {
                KommunId = r.KommunId, RekryteringId = r.Id, Fornamn = fornamn, Efternamn = efternamn,
                Epost = $"{PolicyFileParser.Slugify(fornamn)}.{PolicyFileParser.Slugify(efternamn)}@example.com", Telefon = telefon,
                InkomUtc = db.UtcNow, SamtyckeVersion = "demo", SamtyckeUtc = db.UtcNow,
                AtkomstHash = Convert.ToHexString(SHA256.HashData(RandomNumberGenerator.GetBytes(32))),
            };
            db.Add(k);
            await db.SaveChangesAsync(ct);
            var cv = await documents.UploadAsync(new MemoryStream(Pdf($"CV {fornamn} {efternamn}")), $"CV {fornamn} {efternamn}.pdf",
                DokumentTyp.CV, KandidatDocumentAccess.Owner, k.Id, o.Id, ct);
            // Like a refused step below: demo data with a hole in it would show a candidate without the CV HR expects.
            if (!cv.Succeeded) throw new InvalidOperationException($"Demodata: CV:t för {fornamn} {efternamn} kunde inte sparas: {cv.Error}");
        }
    }

    private async Task Fire(Rekrytering r, RekryteringsHandelse trigger, Actor actor, CancellationToken ct)
    {
        var result = await service.FireAsync(r, trigger, actor, ct: ct);
        if (!result.Succeeded) throw new InvalidOperationException($"Demodata: {trigger} nekades: {string.Join(" ", result.Reasons)}");
        await db.SaveChangesAsync(ct);
    }

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
