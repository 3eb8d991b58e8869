using ChefsRekrytering.Calendar;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Byggare;

/// <summary>
/// A Kalix recruitment from <see cref="IntervjuBuilder"/> with everything gallring must take away, stored through the
/// app's own services: each applicant (Åsa Öberg, Bertil Lund, and Cecilia Berg who withdrew) has a phone number, a CV,
/// a reference, a commented scorecard, an interview booking with its invitations and a mail. Then either filled (Åsa
/// hired, the decision taken now) or cancelled now through the workflow.
/// </summary>
public sealed class AvslutadRekrytering(PortalFactory portal)
{
    public const string Kommentar = "Tydliga exempel från förändringsarbetet.";
    public const string ReferensNamn = "Greta Referensson";
    public const string Telefon = "070-111 22 33";

    public sealed record Stored(int Id, int Anstalld, IReadOnlyList<int> Ovriga, IReadOnlyDictionary<int, string> Epost,
        IReadOnlyDictionary<int, string> Dokumentnycklar)
    {
        public IEnumerable<int> Alla => Ovriga.Prepend(Anstalld);
    }

    public Task<Stored> TillsattAsync() => BuildAsync(cancel: false);

    public Task<Stored> AvbrutenAsync() => BuildAsync(cancel: true);

    private async Task<Stored> BuildAsync(bool cancel)
    {
        var intervju = await new IntervjuBuilder(portal).BuildAsync();
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        var services = scope.ServiceProvider;
        var rekryteringar = services.GetRequiredService<RekryteringService>();
        var r = (await rekryteringar.LoadAsync(intervju.Id))!;
        r.Annonstext = RekryteringBuilder.StandardAnnonstext;
        r.Kandidater.Add(new Kandidat
        {
            KommunId = r.KommunId, Fornamn = "Cecilia", Efternamn = "Berg", Epost = $"{Guid.NewGuid():N}@example.com", State = KandidatTillstand.IntervjuBokad,
            InkomUtc = db.UtcNow, SamtyckeVersion = Personuppgiftsinformation.Version, SamtyckeUtc = db.UtcNow, AtkomstHash = Guid.NewGuid().ToString("N"),
        });
        await db.SaveChangesAsync();

        var keys = new Dictionary<int, string>();
        foreach (var k in r.Kandidater)
        {
            k.Telefon = Telefon;
            var upload = await services.GetRequiredService<DocumentService>().UploadAsync(new MemoryStream(TestFiles.Pdf()), $"CV {k.Fornamn}.pdf",
                DokumentTyp.CV, KandidatDocumentAccess.Owner, k.Id, "sokande");
            keys[k.Id] = upload.Dokument!.StorageKey;
            var rader = r.GallandeKravprofil!.Ordnade().Select(c => new Poangsattning(c.Id, 4, Kommentar)).ToList();
            Assert.Empty(await Bedomningar.SparaAsync(db, k, r.GallandeKravprofil!, new Actor(intervju.PanelUserId, "Panelen"), rader));
            k.Referenser.Add(new Referens
            {
                KommunId = r.KommunId, Namn = ReferensNamn, Relation = "Chef 2020–2025", Kontakt = "070-999 88 77",
                Anteckningar = "Trygg och tydlig.", TagenUtc = db.UtcNow, TagenAv = "Anders Nilsson",
            });
            await services.GetRequiredService<MeetingService>().BookAsync(new MeetingRequest("Intervju: " + r.Titel, null, "Rum 1",
                db.UtcNow.AddDays(1), db.UtcNow.AddDays(1).AddHours(1), new MailRecipient("rekryterande@kalix.example", "Anders Nilsson"),
                [new MailRecipient(k.Epost, k.Namn), new MailRecipient("jury@kalix.example", "Panelen")], $"Kandidat:{k.Id}"), r.KommunId);
            await services.GetRequiredService<Outbox>().EnqueueAsync<Testmejl, Testmejl.Innehall>(new MailRecipient(k.Epost, k.Namn), "Besked",
                new Testmejl.Innehall(k.Namn, "Kalix kommun", db.UtcNow), topic: $"Kandidat:{k.Id}", kommunId: r.KommunId);
        }
        var (asa, bertil, cecilia) = (r.Kandidater[0], r.Kandidater[1], r.Kandidater[2]);
        if (cancel)
        {
            // HR cancels on the recruitment's page: the remaining applicants are told, and all of the above is saved with it.
            var result = await rekryteringar.FireAsync(r.Id, r.Version, RekryteringsHandelse.Avbryt, "Ingen sökande motsvarade kraven",
                await new Testdata(portal, IntervjuBuilder.Kommun).PrincipalAsync("hr"));
            Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
        }
        else
        {
            (asa.State, asa.Startdatum, asa.UtfallMeddelatUtc) = (KandidatTillstand.Anstalld, DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow)).AddMonths(2), db.UtcNow);
            (bertil.State, bertil.UtfallMeddelatUtc) = (KandidatTillstand.EjAktuell, db.UtcNow);
            (cecilia.State, cecilia.UtfallMeddelatUtc) = (KandidatTillstand.Atertagen, db.UtcNow);
            (r.State, r.BeslutUtc, r.TillsattUtc, r.ValdKandidatId) = (RekryteringsTillstand.Tillsatt, db.UtcNow, db.UtcNow, asa.Id);
            (r.BeslutDatum, r.Beslutsfattare, r.BeslutMotivering) = (DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow)), "Maria Lindqvist", "Bäst i intervjuerna.");
        }
        await db.SaveChangesAsync();
        return new(r.Id, asa.Id, [bertil.Id, cecilia.Id], r.Kandidater.ToDictionary(k => k.Id, k => k.Epost), keys);
    }
}
