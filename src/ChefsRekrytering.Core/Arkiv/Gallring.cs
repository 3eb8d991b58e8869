using System.Linq.Expressions;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Arkiv;

public sealed class GallringOptions
{
    public const string Section = "Gallring";

    /// <summary>How many months after the hiring decision (or the cancellation) applicants' personal data is kept.</summary>
    [Range(1, 240, ErrorMessage = "Gallring:ManaderEfterBeslut ska vara ett antal månader från 1 till 240.")]
    public int ManaderEfterBeslut { get; set; } = Personuppgiftsinformation.LagringManader;
}

/// <summary>What went when applicants were gallrade or erased, counted for the record of an erasure.</summary>
public sealed record Gallringsresultat(int Kandidater, int Dokument, int Referenser, int Kommentarer);

/// <summary>
/// Gallring of applicants' personal data: a configurable time after the hiring decision, or after the cancellation, the
/// applicants' names, contact details, private link, references, scorecard comments, documents, interview bookings and
/// mails go. The candidate row stays with its state, dates and scores, so statistics hold. The hired person's application
/// (it belongs to the personnel file now) and the advert (a public record of the recruitment itself) stay. HR can put a
/// recruitment on hold, for instance during a discrimination claim; lifting the hold lets gallring resume.
/// </summary>
public sealed partial class Gallring(AppDbContext db, DocumentService documents, AuditLog audit, IOptions<GallringOptions> options,
    IOptions<MailOptions> mail, ILogger<Gallring> log, IOptions<Aterkoppling.AterkopplingOptions> aterkoppling)
{
    public const int SkalMaxLangd = 400;

    public int Manader => options.Value.ManaderEfterBeslut;

    /// <summary>Where the counting starts: the hiring decision or the cancellation; null while the recruitment is open.</summary>
    public static DateTime? Grund(Rekrytering r) => r.State switch
    {
        RekryteringsTillstand.Tillsatt => r.BeslutUtc ?? r.TillsattUtc,
        RekryteringsTillstand.Avbruten => r.AvbrutenUtc,
        _ => null,
    };

    /// <summary>When the applicants' data goes; null while open or on hold.</summary>
    public DateTime? GallrasUtc(Rekrytering r) => r.GallringsStopp ? null : Grund(r)?.AddMonths(Manader);

    /// <summary>Gallrar every applicant in the current municipality whose time has passed; one save per recruitment, so a
    /// failure half-way leaves each recruitment either done or untouched. Returns how many applicants went.</summary>
    public async Task<int> GallraForfallnaAsync(CancellationToken ct = default)
    {
        var recruitments = await Forfallna(db.UtcNow.AddMonths(-Manader)).Select(r => r.Id).ToListAsync(ct);
        var total = 0;
        foreach (var id in recruitments)
        {
            var applicants = await Gallringsbara().Where(k => k.RekryteringId == id).ToListAsync(ct);
            // The applicants' anonymous answers about the recruitment keep their scores; a comment may still name someone.
            foreach (var svar in await db.Set<Kandidatupplevelse>().Where(u => u.RekryteringId == id && u.Kommentar != null).ToListAsync(ct))
                svar.Kommentar = null;
            foreach (var k in applicants)
                audit.AddSystem(AuditAction.Raderade, Granskningsobjekt.Kandidat, k.Id, $"Gallrad {Manader} månader efter beslutet");
            await GallraAsync(applicants, ct);
            total += applicants.Count;
        }
        if (total > 0) log.LogInformation("Gallring: {Antal} sökande i {Rekryteringar} rekryteringar", total, recruitments.Count);
        return total;
    }

    /// <summary>Applicants whose data may go: not already gallrade, not the one hired. Loaded with what gallring changes.</summary>
    public IQueryable<Kandidat> Gallringsbara() => db.Set<Kandidat>().Include(k => k.Bedomningar).Include(k => k.Referenser).Include(k => k.Urvalssvar)
        .Include(k => k.Anteckningar).Include(k => k.Taggar)
        .Where(ArGallringsbar);

    private static readonly Expression<Func<Kandidat, bool>> ArGallringsbar = k => k.GallradUtc == null && k.State != KandidatTillstand.Anstalld;

    /// <summary>Closed before <paramref name="cutoff"/>, not on hold, with someone left to gallra. A recruitment cancelled
    /// before <see cref="Rekrytering.AvbrutenUtc"/> was recorded is dated by its journal.</summary>
    private IQueryable<Rekrytering> Forfallna(DateTime cutoff) => db.Set<Rekrytering>()
        .Where(r => !r.GallringsStopp && r.Kandidater.AsQueryable().Any(ArGallringsbar))
        .Where(r => (r.State == RekryteringsTillstand.Tillsatt && (r.BeslutUtc ?? r.TillsattUtc) <= cutoff)
            || (r.State == RekryteringsTillstand.Avbruten && (r.AvbrutenUtc ?? db.WorkflowTransitions
                .Where(t => t.Workflow == "Rekrytering" && t.SubjectId == r.Id && t.ToState == nameof(RekryteringsTillstand.Avbruten))
                .Max(t => (DateTime?)t.AtUtc)) <= cutoff));

    /// <summary>
    /// Deletes these applicants' personal data (loaded through <see cref="Gallringsbara"/>) and saves, together with
    /// whatever the caller has pending (its audit entries). Interview bookings and mails go whole: an invitation names
    /// every participant, so the panel's copies name the applicant too.
    /// </summary>
    public async Task<Gallringsresultat> GallraAsync(IReadOnlyList<Kandidat> kandidater, CancellationToken ct = default)
    {
        if (kandidater.Count == 0) return new(0, 0, 0, 0);
        var ids = kandidater.Select(k => k.Id).ToList();
        var links = ids.Select(id => $"Kandidat:{id}").ToList();
        var meetings = await db.Set<Mote>().Where(m => links.Contains(m.Koppling)).ToListAsync(ct);
        var topics = links.Concat(meetings.Select(m => $"Mote:{m.Uid}")).ToList();
        var mails = await db.Set<OutboxMessage>().Where(m => topics.Contains(m.Topic)).ToListAsync(ct);
        db.RemoveRange(meetings);
        db.RemoveRange(mails);
        // The link to the experience question goes with the private link.
        db.RemoveRange(await db.Set<Upplevelseinbjudan>().Where(i => ids.Contains(i.KandidatId)).ToListAsync(ct));

        var (references, comments) = (0, 0);
        foreach (var k in kandidater)
        {
            (k.Fornamn, k.Efternamn, k.Epost, k.Telefon, k.Erbjudandevillkor) = ("", "", "", null, null);
            k.AtkomstHash = $"gallrad-{k.Id}"; // unique as the index wants, and no token hashes to it
            k.GallradUtc = db.UtcNow;
            references += k.Referenser.Count;
            db.RemoveRange(k.Referenser.ToList());
            db.RemoveRange(k.Urvalssvar.ToList()); // the screening answers are the applicant's own words and facts
            db.RemoveRange(k.Anteckningar.ToList()); // notes and labels are about the applicant
            db.RemoveRange(k.Taggar.ToList());
            foreach (var b in k.Bedomningar.Where(b => b.Kommentar is not null))
            {
                b.Kommentar = null;
                comments++;
            }
        }
        var docs = await documents.DeleteAllForAsync(KandidatDocumentAccess.Owner, ids, ct); // saves all of the above at once
        DeletePickupCopies(mails);
        return new(kandidater.Count, docs, references, comments);
    }

    /// <summary>
    /// HR stops gallring of a recruitment's applicants, with the reason (a discrimination claim, an appeal), until the
    /// hold is lifted; logged. Refused for anyone but HR, for a form built from an older version, and without a reason.
    /// </summary>
    public async Task<CommandResult> SattGallringsstoppAsync(int rekryteringId, Guid version, string? skal, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await RekryteringAsync(rekryteringId, user, ct) is not { } r) return CommandResult.NotFound;
        if (!ArkivAccess.ArHr(user)) return CommandResult.Refused("Gallringsstopp sätts av HR.");
        if (version != r.Version) return CommandResult.Conflict(Andrad);
        if (string.IsNullOrWhiteSpace(skal) || skal.Trim().Length > SkalMaxLangd)
            return CommandResult.Refused($"Ange skälet till gallringsstoppet (högst {SkalMaxLangd} tecken), till exempel en anmälan om diskriminering.");
        SattStopp(r, skal, user);
        return await SparaAsync("Gallringsstoppet är satt. Sökandes uppgifter sparas tills stoppet hävs.", ct);
    }

    /// <summary>HR lifts the hold: the next daily run gallrar what is due. The log keeps the reason it had.</summary>
    public async Task<CommandResult> HavGallringsstoppAsync(int rekryteringId, Guid version, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await RekryteringAsync(rekryteringId, user, ct) is not { } r) return CommandResult.NotFound;
        if (!ArkivAccess.ArHr(user)) return CommandResult.Refused("Gallringsstopp hävs av HR.");
        if (version != r.Version) return CommandResult.Conflict(Andrad);
        if (!r.GallringsStopp) return CommandResult.Refused("Rekryteringen har inget gallringsstopp.");
        HavStopp(r, user);
        return await SparaAsync("Gallringsstoppet är hävt. Uppgifter vars tid har gått ut gallras vid nästa dagliga körning.", ct);
    }

    private const string Andrad = "Någon annan ändrade rekryteringen samtidigt. Sidan visar nu det senaste läget; gör ändringen igen om den fortfarande behövs.";

    /// <summary>The recruitment, in the user's own municipality only.</summary>
    private async Task<Rekrytering?> RekryteringAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
        user.KommunId() is { } kommun && await db.Set<Rekrytering>().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r && r.KommunId == kommun ? r : null;

    private async Task<CommandResult> SparaAsync(string klart, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Conflict(Andrad);
        }
        return CommandResult.Done(klart);
    }

    /// <summary>Stops gallring of the recruitment, with HR's reason; logged. Used by <see cref="SattGallringsstoppAsync"/>;
    /// public until the recruitment page calls the command.</summary>
    public void SattStopp(Rekrytering r, string skal, ClaimsPrincipal user)
    {
        (r.GallringsStopp, r.GallringsStoppSkal, r.GallringsStoppAv, r.GallringsStoppUtc) = (true, skal.Trim(), user.Namn(), db.UtcNow);
        audit.Add(user, AuditAction.Andrade, Granskningsobjekt.Rekrytering, r.Id, $"Gallringsstopp: {r.GallringsStoppSkal}");
    }

    /// <summary>Lifts the hold: the next daily run gallrar what is due. The log keeps the reason it had. Used by
    /// <see cref="HavGallringsstoppAsync"/>; public until the recruitment page calls the command.</summary>
    public void HavStopp(Rekrytering r, ClaimsPrincipal user)
    {
        audit.Add(user, AuditAction.Andrade, Granskningsobjekt.Rekrytering, r.Id, $"Gallringsstopp hävt (skäl var: {r.GallringsStoppSkal})");
        (r.GallringsStopp, r.GallringsStoppSkal, r.GallringsStoppAv, r.GallringsStoppUtc) = (false, null, null, null);
    }

    /// <summary>The embedded mail default keeps a copy of each mail as an .eml file: those go with their rows.</summary>
    private void DeletePickupCopies(IEnumerable<OutboxMessage> mails)
    {
        if (mail.Value.Delivery != MailDelivery.PickupFolder || mail.Value.PickupFolder is not { } folder) return;
        foreach (var name in mails.Select(m => m.DeliveredAs).OfType<string>())
        {
            try { File.Delete(Path.Combine(folder, Path.GetFileName(name))); }
            catch (IOException e) { log.LogWarning(e, "En gallrad e-postkopia kunde inte tas bort"); }
        }
    }
}

/// <summary>Once a day per municipality: gallring of applicants whose time has passed, of who answered a closed feedback
/// round, and of the internal pool's entries
/// (chefsförsörjning) past their own retention time or of people who have left.</summary>
public sealed class GallringsJobb(Gallring gallring, Chefsforsorjning.ChefsforsorjningService pool) : IRecurringJob
{
    public string JobType => "gallring";
    public TimeSpan Interval => TimeSpan.FromDays(1);
    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        await gallring.GallraForfallnaAsync(ct);
        await gallring.GallraAterkopplingsdeltagandeAsync(ct);
        await pool.GallraAsync(ct);
    }
}

public sealed partial class Gallring
{
    /// <summary>
    /// Who answered a round of the feedback from below (<see cref="Aterkoppling.AterkopplingDeltagande"/>) is personal data,
    /// kept only to refuse a second answer and count participation: it goes when the round has been closed
    /// <see cref="Aterkoppling.AterkopplingOptions.GallraDeltagandeEfterManader"/> months. The answers stay: nothing links
    /// them to anyone. Returns how many rows went.
    /// </summary>
    public async Task<int> GallraAterkopplingsdeltagandeAsync(CancellationToken ct = default)
    {
        var manader = aterkoppling.Value.GallraDeltagandeEfterManader;
        var omgangar = (await db.Set<Aterkoppling.Aterkopplingsomgang>().AsNoTracking().ToListAsync(ct))
            .Where(o => o.StangerUtc.AddMonths(manader) <= db.UtcNow).Select(o => o.Id).ToList();
        if (omgangar.Count == 0) return 0;
        var antal = await db.Set<Aterkoppling.AterkopplingDeltagande>().Where(d => omgangar.Contains(d.OmgangId)).ExecuteDeleteAsync(ct);
        if (antal > 0) log.LogInformation("Gallring: {Antal} deltaganden i återkopplingen", antal);
        return antal;
    }
}
