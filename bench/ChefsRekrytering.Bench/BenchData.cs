using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Data;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Bench;

/// <summary>
/// Volume data for the benchmark scripts (bench/), never for production: Bench:Rekryteringar recruitments with
/// Bench:KandidaterPerRekrytering applicants each, in Kalix, owned by the demo recruiting manager. Off by default.
/// With Bench:HistorikAr (bench/kommunens-dag.sh) they are that many years of history instead: spread evenly over the
/// years, the old ones filled or cancelled with their journal, each applicant with a CV row and the two mails an
/// applicant gets (received, outcome); applicants whose retention time has passed are gallrade as the daily job would
/// have left them, except those of the last <see cref="BenchOptions.GallringIdag"/> recruitments, which fall due today.
/// </summary>
public sealed class BenchData(AppDbContext db, CurrentKommun kommun, IOptions<BenchOptions> options, IOptions<GallringOptions> gallring)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var (recruitments, perRecruitment) = (options.Value.Rekryteringar, options.Value.KandidaterPerRekrytering);
        if (recruitments <= 0) return;
        kommun.Use("kalix");
        var existing = await db.Set<Rekrytering>().CountAsync(r => r.Diarienummer.StartsWith("BENCH"), ct);
        var owner = await db.Users.FirstAsync(u => u.Email == DemoSeeder.LoginFor("kalix", "rekryterande"), ct);
        var unit = await db.Enheter.FirstAsync(ct);
        if (options.Value.HistorikAr > 0)
        {
            if (existing == 0) await SeedHistoryAsync(recruitments, perRecruitment, owner.Id, owner.Namn, unit.Id, ct);
            return;
        }
        var states = Enum.GetValues<RekryteringsTillstand>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = existing; i < recruitments; i++)
        {
            var r = new Rekrytering
            {
                KommunId = "kalix", Diarienummer = $"BENCH {i:D6}", Titel = $"Enhetschef {i}", EnhetId = unit.Id,
                AgareUserId = owner.Id, AgareNamn = owner.Namn, State = states[i % states.Length], SkapadUtc = db.UtcNow,
                Behovsbeskrivning = "Volymdata för prestandamätning.",
            };
            for (var k = 0; k < perRecruitment; k++)
                r.Kandidater.Add(new Kandidat
                {
                    KommunId = "kalix", Fornamn = "Sökande", Efternamn = $"{i}-{k}", Epost = $"bench{i}-{k}@example.com",
                    SamtyckeVersion = "bench", AtkomstHash = $"bench-{i}-{k}", InkomUtc = db.UtcNow,
                });
            db.Add(r);
            if ((i + 1) % 200 == 0) await FlushAsync(ct);
        }
        await FlushAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    // The path a recruitment takes to Tillsatt, written as its journal.
    private static readonly RekryteringsTillstand[] Vag =
    [
        RekryteringsTillstand.Utkast, RekryteringsTillstand.Behovsprovning, RekryteringsTillstand.Kravprofil,
        RekryteringsTillstand.Annonserad, RekryteringsTillstand.Urval, RekryteringsTillstand.Intervjuer,
        RekryteringsTillstand.Referenser, RekryteringsTillstand.FackligSamverkan, RekryteringsTillstand.Beslut,
        RekryteringsTillstand.Erbjudande, RekryteringsTillstand.Tillsatt,
    ];

    private async Task SeedHistoryAsync(int recruitments, int perRecruitment, string ownerId, string ownerName, int unitId, CancellationToken ct)
    {
        var now = db.UtcNow;
        var start = now.AddYears(-options.Value.HistorikAr);
        var step = (now - start).TotalDays / recruitments;
        var retention = gallring.Value.ManaderEfterBeslut;
        // Which recruitments fall due for gallring today: the last ones decided more than the retention time ago.
        var due = new HashSet<int>();
        for (var i = recruitments - 1; i >= 0 && due.Count < options.Value.GallringIdag; i--)
            if (start.AddDays(i * step + 90) <= now.AddMonths(-retention) && i % 7 != 0) due.Add(i);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int chunk = 100;
        for (var first = 0; first < recruitments; first += chunk)
        {
            var batch = new List<(int I, Rekrytering R, DateTime Decided, bool Gallrad)>();
            for (var i = first; i < Math.Min(recruitments, first + chunk); i++)
            {
                var created = start.AddDays(i * step);
                var decided = created.AddDays(90);
                var open = decided > now;
                // One in seven is cancelled; the rest are filled; the newest are still open, somewhere along the way.
                var state = open ? Vag[1 + i % 9] : i % 7 == 0 ? RekryteringsTillstand.Avbruten : RekryteringsTillstand.Tillsatt;
                var gallrad = !open && decided <= now.AddMonths(-retention) && !due.Contains(i);
                var r = new Rekrytering
                {
                    KommunId = "kalix", Diarienummer = $"BENCH {i:D6}", Titel = $"Enhetschef {i}", EnhetId = unitId,
                    AgareUserId = ownerId, AgareNamn = ownerName, State = state, SkapadUtc = created,
                    Behovsbeskrivning = "Volymdata för prestandamätning.", BehovGodkantUtc = created.AddDays(3),
                    PubliceradUtc = created.AddDays(14),
                    BeslutUtc = state == RekryteringsTillstand.Tillsatt ? decided : null,
                    TillsattUtc = state == RekryteringsTillstand.Tillsatt ? decided.AddDays(1) : null,
                    AvbrutenUtc = state == RekryteringsTillstand.Avbruten ? decided : null,
                };
                for (var k = 0; k < perRecruitment; k++)
                {
                    var hired = state == RekryteringsTillstand.Tillsatt && k == 0;
                    var kandidatGallrad = gallrad && !hired;
                    r.Kandidater.Add(new Kandidat
                    {
                        KommunId = "kalix", Fornamn = kandidatGallrad ? "" : "Sökande", Efternamn = kandidatGallrad ? "" : $"{i}-{k}",
                        Epost = kandidatGallrad ? "" : $"bench{i}-{k}@example.com", SamtyckeVersion = "bench",
                        AtkomstHash = $"bench-{i}-{k}", InkomUtc = created.AddDays(15 + k % 14), SamtyckeUtc = created.AddDays(15 + k % 14),
                        State = open ? KandidatTillstand.Granskad : hired ? KandidatTillstand.Anstalld : KandidatTillstand.EjAktuell,
                        UtfallMeddelatUtc = open ? null : decided, GallradUtc = kandidatGallrad ? decided.AddMonths(retention).AddDays(1) : null,
                    });
                }
                db.Add(r);
                batch.Add((i, r, decided, gallrad));
            }
            await FlushAsync(ct); // the ids the documents, mails and journal point at

            foreach (var (i, r, decided, gallrad) in batch)
            {
                var path = r.State == RekryteringsTillstand.Avbruten ? Vag[..5].Append(RekryteringsTillstand.Avbruten).ToArray()
                    : r.State == RekryteringsTillstand.Tillsatt ? Vag : Vag[..(Array.IndexOf(Vag, r.State) + 1)];
                for (var s = 1; s < path.Length; s++)
                    db.Add(Passage("Rekrytering", r.Id, path[s - 1].ToString(), path[s].ToString(), r.SkapadUtc.AddDays(s * 90.0 / path.Length)));
                foreach (var k in r.Kandidater)
                {
                    db.Add(Passage("Kandidat", k.Id, nameof(KandidatTillstand.Inkommen), k.State.ToString(), k.InkomUtc.AddDays(7)));
                    if (k.GallradUtc is not null) continue; // gallring took the documents and the mails
                    db.Add(new Dokument
                    {
                        KommunId = "kalix", OwnerType = KandidatDocumentAccess.Owner, OwnerId = k.Id, Kind = DokumentTyp.CV,
                        OriginalFileName = "cv.pdf", StorageKey = $"bench/{k.Id:D8}", ContentType = "application/pdf", SizeBytes = 120_000,
                        Sha256 = new string('0', 64), UploadedUtc = k.InkomUtc, UploadedBy = "bench",
                    });
                    db.Add(Mejl(k, "Vi har tagit emot din ansökan", k.InkomUtc));
                    if (k.UtfallMeddelatUtc is { } told) db.Add(Mejl(k, "Besked om din ansökan", told));
                }
            }
            await FlushAsync(ct);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private static WorkflowTransition Passage(string workflow, int id, string from, string to, DateTime at) => new()
    {
        KommunId = "kalix", Workflow = workflow, SubjectId = id, FromState = from, ToState = to, Trigger = to,
        ActorName = "Bänkdata", AtUtc = at,
    };

    private static OutboxMessage Mejl(Kandidat k, string subject, DateTime at) => new()
    {
        KommunId = "kalix", ToAddress = k.Epost, ToName = $"{k.Fornamn} {k.Efternamn}", Subject = subject,
        HtmlBody = $"<p>{subject}.</p>", TextBody = subject + ".", Topic = $"Kandidat:{k.Id}",
        Status = QueueStatus.Done, CreatedUtc = at, DueUtc = at, SentUtc = at, Attempts = 1,
    };

    private async Task FlushAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
