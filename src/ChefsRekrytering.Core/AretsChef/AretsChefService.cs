using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.AretsChef;

public sealed class AretsChefOptions
{
    /// <summary>Invitations written per transaction when the nomination opens.</summary>
    public int InbjudanBatch { get; set; } = 200;
    /// <summary>The statistics never show a group of fewer employees than this: smaller units are shown together, so
    /// no one can work out who nominated.</summary>
    public int MinstaGrupp { get; set; } = 5;
}

/// <summary>
/// The campaign's life: created by HR with its dates (which schedule the opening and closing), opened with an invitation
/// to every employee, and the jury's shortlist, scores and decision. The caller saves, except where a method says so.
/// </summary>
public sealed class AretsChefService(
    AppDbContext db, Scheduler scheduler, Outbox outbox, PolicyLibrary policies, AretsChefKriterier kriterier,
    IOptions<PortalOptions> portal, IOptions<AretsChefOptions> options)
{
    public const string OppnaJobb = "arets-chef-oppna";
    public const string StangJobb = "arets-chef-stang";

    /// <summary>Who is invited, and so who counts in the participation figures: every active employee with an e-mail address.</summary>
    public static IQueryable<Person> Inbjudna(IQueryable<Person> personer) => personer.Where(p => p.Aktiv && p.Epost != "");

    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    public IReadOnlyList<Kriterium> Kriterier(string kommunId) => kriterier.For(kommunId);

    /// <summary>A year's campaign of the user's municipality (the query filter makes another's a null) with the jury's work.</summary>
    public Task<Kampanj?> LoadAsync(int ar, CancellationToken ct = default) =>
        db.Set<Kampanj>().Include(k => k.Kortlista).Include(k => k.Bedomningar).FirstOrDefaultAsync(k => k.Ar == ar, ct);

    public Task<int> AntalNomineringarAsync(Kampanj k, CancellationToken ct = default) =>
        db.Set<Nominering>().CountAsync(n => n.KampanjId == k.Id, ct);

    public AretsChefWorkflow Workflow(Kampanj k, int nomineringar) => new(k, db, nomineringar);

    public async Task<AretsChefWorkflow> WorkflowAsync(Kampanj k, CancellationToken ct = default) =>
        Workflow(k, await AntalNomineringarAsync(k, ct));

    /// <summary>A new campaign; the opening and closing are scheduled with it, by year, so a moved date can find them.</summary>
    public Kampanj Create(int ar, DateOnly oppnar, DateOnly sistaDag, bool jurynSerNominatorer, bool offentlig)
    {
        Datumfonster.Rimligt.Krav(oppnar); // the opening and closing are scheduled from them
        Datumfonster.Rimligt.Krav(sistaDag);
        var k = new Kampanj
        {
            KommunId = db.CurrentKommunId ?? "", Ar = ar, Oppnar = oppnar, SistaDag = sistaDag,
            JurynSerNominatorer = jurynSerNominatorer, Offentlig = offentlig, SkapadUtc = db.UtcNow,
        };
        db.Add(k);
        scheduler.Schedule(OppnaJobb, k.OppnarUtc, ar, kommunId: k.KommunId);
        scheduler.Schedule(StangJobb, k.StangerUtc, ar, kommunId: k.KommunId);
        return k;
    }

    /// <summary>Moves the dates: the pending opening and closing are cancelled and scheduled again at the new times.
    /// Once open, only the last day moves.</summary>
    public async Task FlyttaDatumAsync(Kampanj k, DateOnly oppnar, DateOnly sistaDag, CancellationToken ct = default)
    {
        Datumfonster.Rimligt.Krav(oppnar);
        Datumfonster.Rimligt.Krav(sistaDag);
        if (k.State == KampanjTillstand.Planerad && oppnar != k.Oppnar)
        {
            k.Oppnar = oppnar;
            await scheduler.CancelAsync(OppnaJobb, k.Ar, ct);
            scheduler.Schedule(OppnaJobb, k.OppnarUtc, k.Ar, kommunId: k.KommunId);
        }
        if (k.State is KampanjTillstand.Planerad or KampanjTillstand.NomineringOppen && sistaDag != k.SistaDag)
        {
            k.SistaDag = sistaDag;
            await scheduler.CancelAsync(StangJobb, k.Ar, ct);
            scheduler.Schedule(StangJobb, k.StangerUtc, k.Ar, kommunId: k.KommunId);
        }
    }

    /// <summary>
    /// Invites every employee with an e-mail address, in batches of one transaction each: the batch's mails and the
    /// campaign's note of the last person invited are committed together, so a retry after a failure continues where
    /// the last batch ended and nobody is invited twice. Saves.
    /// </summary>
    public async Task<int> BjudInAsync(Kampanj k, CancellationToken ct = default)
    {
        var kommun = policies.Find(k.KommunId)?.Kommun;
        var rubriker = Kriterier(k.KommunId).Select(x => x.Rubrik).ToList();
        var lank = Lank("/arets-chef");
        var size = Math.Max(1, options.Value.InbjudanBatch);
        var invited = 0;
        while (k.InbjudningarSkickadeUtc is null)
        {
            var batch = await Inbjudna(db.Personer.AsNoTracking())
                .Where(p => p.Id > k.InbjudenTillOchMedPersonId)
                .OrderBy(p => p.Id).Take(size).Select(p => new { p.Id, p.Epost, p.Fornamn, p.Efternamn }).ToListAsync(ct);
            foreach (var p in batch)
                await outbox.EnqueueAsync<AretsChefInbjudan, AretsChefInbjudan.Innehall>(new MailRecipient(p.Epost, $"{p.Fornamn} {p.Efternamn}"),
                    $"Nominera Årets chef {k.Ar}", new(p.Fornamn, k.Ar, k.SistaDag, rubriker, kommun, lank),
                    topic: $"AretsChef:{k.Ar}:Inbjudan", kommunId: k.KommunId);
            if (batch.Count > 0) k.InbjudenTillOchMedPersonId = batch[^1].Id;
            if (batch.Count < size) k.InbjudningarSkickadeUtc = db.UtcNow;
            await db.SaveChangesAsync(ct);
            // The sent batch is done with: keep the change tracker small for a municipality of thousands.
            foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>().ToList()) entry.State = EntityState.Detached;
            invited += batch.Count;
        }
        return invited;
    }

    /// <summary>Puts a nominee on the shortlist or takes them off; only people nominated this year can be on it.</summary>
    public async Task<string?> KortlistaAsync(Kampanj k, int chefPersonId, bool pa, Actor actor, CancellationToken ct = default)
    {
        if (k.State != KampanjTillstand.Juryarbete) return "Kortlistan ändras under juryarbetet.";
        var finns = k.Kortlista.FirstOrDefault(x => x.ChefPersonId == chefPersonId);
        if (!pa)
        {
            if (finns is not null) k.Kortlista.Remove(finns);
            return null;
        }
        if (finns is not null) return null;
        if (!await db.Set<Nominering>().AnyAsync(n => n.KampanjId == k.Id && n.ChefPersonId == chefPersonId, ct))
            return "Personen är inte nominerad i år.";
        k.Kortlista.Add(new Kortlistad { KommunId = k.KommunId, ChefPersonId = chefPersonId, TillagdAv = actor.Namn, TillagdUtc = db.UtcNow });
        return null;
    }

    /// <summary>A juror's own score and note for a shortlisted nominee; nobody scores their own nomination.</summary>
    public string? Bedom(Kampanj k, int chefPersonId, Actor juror, int? jurorPersonId, int poang, string? anteckning)
    {
        if (k.State != KampanjTillstand.Juryarbete) return "Bedömningar görs under juryarbetet.";
        if (!k.ArKortlistad(chefPersonId)) return "Bara de som står på kortlistan bedöms.";
        if (jurorPersonId == chefPersonId) return "Du kan inte bedöma din egen nominering.";
        if (poang is < 1 or > 5) return "Välj en poäng från 1 till 5.";
        if (anteckning?.Length > JuryBedomning.AnteckningMaxLangd) return $"Anteckningen får vara högst {JuryBedomning.AnteckningMaxLangd} tecken.";
        var b = k.Bedomningar.FirstOrDefault(x => x.ChefPersonId == chefPersonId && x.JurorUserId == juror.UserId);
        if (b is null)
        {
            b = new JuryBedomning { KommunId = k.KommunId, ChefPersonId = chefPersonId, JurorUserId = juror.UserId!, JurorNamn = juror.Namn };
            k.Bedomningar.Add(b);
        }
        (b.Poang, b.Anteckning, b.AndradUtc) = (poang, string.IsNullOrWhiteSpace(anteckning) ? null : anteckning.Trim(), db.UtcNow);
        return null;
    }

    /// <summary>The jury's decision: the winner, named as they are now with the units they lead, and the motivation.</summary>
    public async Task<WorkflowResult> BeslutaAsync(Kampanj k, int? vinnare, string? motivering, Actor actor, CancellationToken ct = default)
    {
        k.VinnarePersonId = vinnare;
        k.Motivering = string.IsNullOrWhiteSpace(motivering) ? null : motivering.Trim();
        if (vinnare is int id && await db.Personer.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } person)
        {
            k.VinnareNamn = person.Namn;
            var enheter = await db.Enheter.AsNoTracking().Where(e => e.ChefId == id).OrderBy(e => e.Namn).Select(e => e.Namn).ToListAsync(ct);
            k.VinnareEnhet = enheter.Count == 0 ? null : string.Join(", ", enheter);
        }
        var result = (await WorkflowAsync(k, ct)).Fire(KampanjHandelse.Besluta, actor);
        if (result.Succeeded) k.BeslutadAv = actor.Namn;
        return result;
    }

    public string Lank(string path) => portal.Value.PublicUrl.TrimEnd('/') + path;
}
