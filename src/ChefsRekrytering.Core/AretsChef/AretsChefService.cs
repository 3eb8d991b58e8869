using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;
using T = ChefsRekrytering.AretsChef.KampanjHandelse;

namespace ChefsRekrytering.AretsChef;

public sealed class AretsChefOptions
{
    /// <summary>Invitations written per transaction when the nomination opens.</summary>
    public int InbjudanBatch { get; set; } = 200;
    /// <summary>The statistics never show a group of fewer employees than this: smaller units are shown together, so
    /// no one can work out who nominated.</summary>
    public int MinstaGrupp { get; set; } = 5;
}

/// <summary>A campaign as HR plans it: the year, the nomination's first and last day, and its two settings.</summary>
public sealed record KampanjUppgifter(int Ar, DateOnly? Oppnar, DateOnly? SistaDag, bool JurynSerNominatorer, bool Offentlig);

/// <summary>A campaign in HR's list, with how many nominations it has.</summary>
public sealed record Kampanjrad(Kampanj Kampanj, int Nomineringar);

/// <summary>What the jury's page shows: the campaign, the process and the steps the jury may take now, and (once the
/// nomination has closed) the nominations by nominee.</summary>
public sealed record Juryarbete(Kampanj Kampanj, int Nomineringar, Stateless.Reflection.StateMachineInfo Process,
    IReadOnlyList<WorkflowAction<T>> Atgarder, IReadOnlyList<Nominerad> Nominerade);

/// <summary>A year's statistics for HR.</summary>
public sealed record Kampanjstatistik(Kampanj Kampanj, Statistik Statistik);

/// <summary>A published announcement as anyone reads it, with the municipality's name.</summary>
public sealed record OffentligtTillkannagivande(Kampanj Kampanj, string Kommun);

/// <summary>
/// The campaign's life, one command per intention: HR creates and changes it (its dates schedule the opening and
/// closing), the scheduler opens it with an invitation to every employee and closes it, the jury shortlists, scores and
/// decides, HR or Admin announces. Each command loads the campaign, asks <see cref="AretsChefAccess"/>, checks the
/// version the form was built from, changes, and saves with the journal in one transaction.
/// </summary>
public sealed class AretsChefService(
    AppDbContext db, Scheduler scheduler, Outbox outbox, PolicyLibrary policies, AretsChefKriterier kriterier, Listmallkalla mallar,
    MailLinks links, IOptions<AretsChefOptions> options)
{
    public const string OppnaJobb = "arets-chef-oppna";
    public const string StangJobb = "arets-chef-stang";
    public const int MotiveringMaxLangd = 4000;

    /// <summary>Who is invited when the nomination opens: every active employee with an e-mail address. Each is kept as an
    /// <see cref="Inbjuden"/> of the campaign, against whom its participation is counted.</summary>
    public static IQueryable<Person> Inbjudna(IQueryable<Person> personer) => personer.Where(p => p.Aktiv && p.Epost != "");

    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    /// <summary>The criteria of a campaign: its version of the criteria template (fixed when the nomination opened; the
    /// current one before) with the values of the policy version it was created with.</summary>
    public Task<IReadOnlyList<Kriterium>> KriterierAsync(Kampanj k, CancellationToken ct = default) =>
        KriterierAsync(k.KommunId, k.PolicyversionId, k.Kriterieversion, ct);

    public async Task<IReadOnlyList<Kriterium>> KriterierAsync(string kommunId, Guid? policyversionId, int? kriterieversion, CancellationToken ct = default)
    {
        var nummer = kriterieversion ?? await mallar.AktuellAsync(db, kommunId, Listmallar.AretsChef, ct);
        var punkter = await mallar.VersionAsync<AretsChefKriterier.MallPunkt>(db, kommunId, Listmallar.AretsChef, nummer, ct);
        return kriterier.For(policies.For(kommunId, policyversionId), nummer, punkter);
    }

    private static string Andrad(int ar) =>
        $"Någon annan ändrade Årets chef {ar} samtidigt. Sidan visar nu det senaste läget; gör ändringen igen om den fortfarande behövs.";

    // ---- Queries ------------------------------------------------------------------------------------------------------

    /// <summary>HR's campaigns, latest year first, with their nominations counted; empty for anyone else.</summary>
    public async Task<IReadOnlyList<Kampanjrad>> KampanjerAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AretsChefAccess.KanPlanera(user)) return [];
        var counts = await db.Set<Nominering>().GroupBy(n => n.KampanjId).Select(g => new { g.Key, Antal = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Antal, ct);
        return (await db.Set<Kampanj>().AsNoTracking().OrderByDescending(k => k.Ar).ToListAsync(ct))
            .Where(k => AretsChefAccess.ArEgen(user, k)).Select(k => new Kampanjrad(k, counts.GetValueOrDefault(k.Id))).ToList();
    }

    /// <summary>What the form for a new campaign suggests: the first year without one, opening in a week for three weeks.</summary>
    public KampanjUppgifter Forslag(IReadOnlyList<Kampanjrad> kampanjer)
    {
        var ar = Today.Year;
        while (kampanjer.Any(k => k.Kampanj.Ar == ar)) ar++;
        return new KampanjUppgifter(ar, Today.AddDays(7), Today.AddDays(28), false, false);
    }

    /// <summary>The jury's page of a year, for the jury and HR; null (not found) for anyone else.</summary>
    public async Task<Juryarbete?> JuryarbeteAsync(int ar, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AretsChefAccess.KanGoraJuryarbete(user)) return null;
        if (await Kampanjer().AsNoTracking().FirstOrDefaultAsync(k => k.Ar == ar, ct) is not { } k || !AretsChefAccess.ArEgen(user, k)) return null;
        var antal = await AntalNomineringarAsync(k, ct);
        var flode = new AretsChefWorkflow(k, db, antal);
        var nominerade = AretsChefWorkflow.NomineringenStangd.Contains(k.State)
            ? await PerChefAsync(k, k.JurynSerNominatorer, user.PersonId(), ct) : [];
        return new Juryarbete(k, antal, flode.Info, flode.Actions().Where(a => AretsChefWorkflow.JurynsKnappar.Contains(a.Trigger)).ToList(), nominerade);
    }

    /// <summary>A year's announcement as <see cref="AretsChefAccess.SerTillkannagivandet"/> allows it; else null.</summary>
    public async Task<Kampanj?> TillkannagivandeAsync(int ar, ClaimsPrincipal user, CancellationToken ct = default) =>
        await db.Set<Kampanj>().AsNoTracking().FirstOrDefaultAsync(k => k.Ar == ar, ct) is { } k && AretsChefAccess.SerTillkannagivandet(user, k) ? k : null;

    /// <summary>An announced winner for anyone, when HR chose to publish it publicly. No one is signed in: the
    /// municipality comes from the address, so the filter is lifted and the municipality named explicitly.</summary>
    public async Task<OffentligtTillkannagivande?> OffentligtTillkannagivandeAsync(string kommun, int ar, CancellationToken ct = default)
    {
        if (policies.Find(kommun) is not { } policy) return null;
        var k = await db.Set<Kampanj>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(x => x.KommunId == kommun && x.Ar == ar && x.Offentlig && x.State == S.Tillkannagiven, ct);
        return k is null ? null : new OffentligtTillkannagivande(k, policy.Kommun);
    }

    /// <summary>HR's figures for a year; null for anyone else.</summary>
    public async Task<Kampanjstatistik?> StatistikAsync(int ar, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AretsChefAccess.KanPlanera(user)) return null;
        if (await db.Set<Kampanj>().AsNoTracking().FirstOrDefaultAsync(k => k.Ar == ar, ct) is not { } k || !AretsChefAccess.ArEgen(user, k)) return null;
        return new Kampanjstatistik(k, await db.StatistikAsync(k, options.Value.MinstaGrupp, ct));
    }

    // ---- HR's commands --------------------------------------------------------------------------------------------------

    /// <summary>A new campaign; its opening and closing are scheduled with it, by year, so a moved date can find them.</summary>
    public async Task<CommandResult> SkapaKampanjAsync(KampanjUppgifter ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AretsChefAccess.KanPlanera(user)) return CommandResult.NotFound;
        var (fel, oppnar, sistaDag) = Datumfel(ny, null);
        if (ny.Ar is < 2000 or > 2100) fel.Insert(0, "Ange ett år mellan 2000 och 2100.");
        else if (await db.Set<Kampanj>().AnyAsync(k => k.Ar == ny.Ar, ct)) fel.Insert(0, $"Det finns redan en kampanj för {ny.Ar}.");
        if (fel.Count > 0) return CommandResult.Refused(fel);

        var k = new Kampanj
        {
            KommunId = user.KommunId()!, Ar = ny.Ar, Oppnar = oppnar, SistaDag = sistaDag,
            JurynSerNominatorer = ny.JurynSerNominatorer, Offentlig = ny.Offentlig, SkapadUtc = db.UtcNow,
            PolicyversionId = policies.Find(user.KommunId()!)?.VersionId,
        };
        db.Add(k);
        scheduler.Schedule(OppnaJobb, k.OppnarUtc, k.Ar, kommunId: k.KommunId);
        scheduler.Schedule(StangJobb, k.StangerUtc, k.Ar, kommunId: k.KommunId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Two HR people creating the same year at once: the unique index refuses the second.
            db.ChangeTracker.Clear();
            return CommandResult.Refused($"Det finns redan en kampanj för {ny.Ar}.");
        }
        return CommandResult.Done($"Kampanjen för {ny.Ar} är skapad. Nomineringen öppnar {oppnar:d MMMM} och alla anställda får en inbjudan då.");
    }

    /// <summary>
    /// Moves the dates and changes the settings until the announcement. Once open, only the last day moves; once closed,
    /// neither. Whether the jury sees the nominators is fixed once the nomination opens, because a nominator was told
    /// which it is when nominating.
    /// </summary>
    public async Task<CommandResult> AndraKampanjAsync(int ar, Guid version, KampanjUppgifter andring, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AretsChefAccess.KanPlanera(user)) return CommandResult.NotFound;
        if (await Kampanjer().FirstOrDefaultAsync(k => k.Ar == ar, ct) is not { } k || !AretsChefAccess.ArEgen(user, k)) return CommandResult.NotFound;
        if (version != k.Version) return CommandResult.Conflict(Andrad(ar));
        if (!AretsChefWorkflow.Andringsbara.Contains(k.State)) return CommandResult.Refused("Ett tillkännagivet år ändras inte.");
        var (fel, oppnar, sistaDag) = Datumfel(andring, k);
        if (fel.Count > 0) return CommandResult.Refused(fel);

        await FlyttaDatumAsync(k, oppnar, sistaDag, ct);
        if (k.State == S.Planerad) k.JurynSerNominatorer = andring.JurynSerNominatorer;
        k.Offentlig = andring.Offentlig;
        return await SparaAsync(k, $"Kampanjen för {ar} är ändrad.", ct);
    }

    /// <summary>
    /// The dates of a new campaign, or of a change: the nomination opens between today and two years ahead, and closes
    /// after it opens and within six months. A date that can no longer move keeps its stored value whatever was posted,
    /// and a stored date that has passed may stay as it is.
    /// </summary>
    private (List<string> Fel, DateOnly Oppnar, DateOnly SistaDag) Datumfel(KampanjUppgifter input, Kampanj? befintlig)
    {
        var (oppnar, sistaDag) = (input.Oppnar, input.SistaDag);
        if (befintlig is not null && befintlig.State != S.Planerad) oppnar = befintlig.Oppnar;
        if (befintlig is not null && !AretsChefWorkflow.SistaDagenKanFlyttas.Contains(befintlig.State)) sistaDag = befintlig.SistaDag;
        bool Moved(DateOnly? posted, DateOnly? stored) => befintlig is null || posted != stored;
        var fel = new List<string>();
        if (oppnar is null) fel.Add("Ange dagen nomineringen öppnar.");
        else if (!Datumfonster.Rimligt.Rymmer(oppnar.Value)) fel.Add($"Ange en öppningsdag {Datumfonster.Rimligt.Text}.");
        else if (oppnar < Today && Moved(oppnar, befintlig?.Oppnar)) fel.Add("Nomineringen kan inte öppna före i dag.");
        else if (oppnar > Today.AddYears(2)) fel.Add("Nomineringen kan öppna högst två år fram i tiden.");
        if (sistaDag is null) fel.Add("Ange nomineringens sista dag.");
        else if (!Datumfonster.Rimligt.Rymmer(sistaDag.Value)) fel.Add($"Ange en sista dag {Datumfonster.Rimligt.Text}.");
        else if (sistaDag < oppnar) fel.Add("Sista dagen kan inte ligga före öppningsdagen.");
        else if (sistaDag < Today && Moved(sistaDag, befintlig?.SistaDag)) fel.Add("Sista dagen kan inte ligga före i dag.");
        else if (oppnar is { } o && sistaDag > o.AddMonths(6)) fel.Add("Nomineringen kan vara öppen högst sex månader.");
        return (fel, oppnar ?? default, sistaDag ?? default);
    }

    /// <summary>The pending opening and closing are cancelled and scheduled again at the new times.</summary>
    private async Task FlyttaDatumAsync(Kampanj k, DateOnly oppnar, DateOnly sistaDag, CancellationToken ct)
    {
        if (k.State == S.Planerad && oppnar != k.Oppnar)
        {
            k.Oppnar = oppnar;
            await scheduler.CancelAsync(OppnaJobb, k.Ar, ct);
            scheduler.Schedule(OppnaJobb, k.OppnarUtc, k.Ar, kommunId: k.KommunId);
        }
        if (AretsChefWorkflow.SistaDagenKanFlyttas.Contains(k.State) && sistaDag != k.SistaDag)
        {
            k.SistaDag = sistaDag;
            await scheduler.CancelAsync(StangJobb, k.Ar, ct);
            scheduler.Schedule(StangJobb, k.StangerUtc, k.Ar, kommunId: k.KommunId);
        }
    }

    // ---- The process's steps --------------------------------------------------------------------------------------------

    /// <summary>
    /// A step taken with a button: the jury starts its work or reconsiders its decision; HR or Admin announces. The dates
    /// open and close (<see cref="OppnaAsync"/>, <see cref="StangAsync"/>); the decision carries the winner
    /// (<see cref="BeslutaAsync"/>).
    /// </summary>
    public async Task<CommandResult> FireAsync(int ar, Guid version, T trigger, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await Kampanjer().FirstOrDefaultAsync(k => k.Ar == ar, ct) is not { } k || !AretsChefAccess.SerKampanjen(user, k, trigger))
            return CommandResult.NotFound;
        if (!AretsChefAccess.KanFora(user, trigger)) return CommandResult.Refused("Det steget tas inte här.");
        if (version != k.Version) return CommandResult.Conflict(Andrad(ar));
        var result = (await FlodeAsync(k, ct)).Fire(trigger, user.Actor());
        if (!result.Succeeded) return Nekad(result.Reasons);
        if (trigger == T.Tillkannage) await MejlaVinnarenAsync(k, ct);
        return await SparaAsync(k, trigger == T.Tillkannage ? $"{k.VinnareNamn} är tillkännagiven som Årets chef {ar}." : SwedishText.Done(trigger), ct);
    }

    /// <summary>Puts a nominee on the shortlist or takes them off; only people nominated this year can be on it.</summary>
    public async Task<CommandResult> KortlistaAsync(int ar, Guid version, int chefPersonId, bool pa, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AretsChefAccess.KanGoraJuryarbete(user)) return CommandResult.NotFound;
        if (await Kampanjer().FirstOrDefaultAsync(k => k.Ar == ar, ct) is not { } k || !AretsChefAccess.ArEgen(user, k)) return CommandResult.NotFound;
        if (version != k.Version) return CommandResult.Conflict(Andrad(ar));
        if (k.State != S.Juryarbete) return CommandResult.Refused("Kortlistan ändras under juryarbetet.");
        var finns = k.Kortlista.FirstOrDefault(x => x.ChefPersonId == chefPersonId);
        if (!pa && finns is not null) k.Kortlista.Remove(finns);
        if (pa && finns is null)
        {
            if (!await db.Set<Nominering>().AnyAsync(n => n.KampanjId == k.Id && n.ChefPersonId == chefPersonId, ct))
                return CommandResult.Refused("Personen är inte nominerad i år.");
            k.Kortlista.Add(new Kortlistad { KommunId = k.KommunId, ChefPersonId = chefPersonId, TillagdAv = user.Namn(), TillagdUtc = db.UtcNow });
        }
        return await SparaAsync(k, pa ? "Kortlistan är uppdaterad." : "Personen är borttagen från kortlistan.", ct);
    }

    /// <summary>
    /// A juror's own score (1–5) and note for a shortlisted nominee, changeable until the decision; nobody scores their
    /// own nomination. No version check: jurors score side by side and each row is the juror's own. A double submit
    /// creating the same juror's row twice is refused by the unique index.
    /// </summary>
    public async Task<CommandResult> BedomAsync(int ar, int chefPersonId, int? poang, string? anteckning, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AretsChefAccess.KanGoraJuryarbete(user) || user.UserId() is not { } juror) return CommandResult.NotFound;
        if (await Kampanjer().FirstOrDefaultAsync(k => k.Ar == ar, ct) is not { } k || !AretsChefAccess.ArEgen(user, k)) return CommandResult.NotFound;
        if (k.State != S.Juryarbete) return CommandResult.Refused("Bedömningar görs under juryarbetet.");
        if (!k.ArKortlistad(chefPersonId)) return CommandResult.Refused("Bara de som står på kortlistan bedöms.");
        if (user.PersonId() == chefPersonId) return CommandResult.Refused("Du kan inte bedöma din egen nominering.");
        if (poang is not (>= 1 and <= 5)) return CommandResult.Refused("Välj en poäng från 1 till 5.");
        if (anteckning?.Length > JuryBedomning.AnteckningMaxLangd) return CommandResult.Refused($"Anteckningen får vara högst {JuryBedomning.AnteckningMaxLangd} tecken.");

        var b = k.Bedomningar.FirstOrDefault(x => x.ChefPersonId == chefPersonId && x.JurorUserId == juror);
        if (b is null)
        {
            b = new JuryBedomning { KommunId = k.KommunId, ChefPersonId = chefPersonId, JurorUserId = juror, JurorNamn = user.Namn() };
            k.Bedomningar.Add(b);
        }
        (b.Poang, b.Anteckning, b.AndradUtc) = (poang.Value, string.IsNullOrWhiteSpace(anteckning) ? null : anteckning.Trim(), db.UtcNow);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Conflict(Andrad(ar));
        }
        return CommandResult.Done("Din bedömning är sparad.");
    }

    /// <summary>The jury's decision: the winner, named as they are now with the units they lead, and the motivation,
    /// carried by the trigger and stored by the machine on entry to Beslutad.</summary>
    public async Task<CommandResult> BeslutaAsync(int ar, Guid version, int? vinnare, string? motivering, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AretsChefAccess.KanGoraJuryarbete(user)) return CommandResult.NotFound;
        if (await Kampanjer().FirstOrDefaultAsync(k => k.Ar == ar, ct) is not { } k || !AretsChefAccess.ArEgen(user, k)) return CommandResult.NotFound;
        if (version != k.Version) return CommandResult.Conflict(Andrad(ar));
        if (motivering?.Length > MotiveringMaxLangd) return CommandResult.Refused($"Motiveringen får vara högst {MotiveringMaxLangd} tecken.");

        string? namn = null, enhet = null;
        if (vinnare is int id && await db.Personer.AsNoTracking().Where(p => p.Id == id).Select(p => p.Fornamn + " " + p.Efternamn).FirstOrDefaultAsync(ct) is { } person)
        {
            namn = person;
            var enheter = await db.Enheter.AsNoTracking().Where(e => e.ChefId == id).OrderBy(e => e.Namn).Select(e => e.Namn).ToListAsync(ct);
            enhet = enheter.Count == 0 ? null : string.Join(", ", enheter);
        }
        var flode = await FlodeAsync(k, ct);
        var result = flode.Fire(flode.Besluta, new Jurybeslut(vinnare, namn, enhet, motivering, user.Namn()), user.Actor());
        if (!result.Succeeded) return Nekad(result.Reasons);
        return await SparaAsync(k, $"Beslutet är fattat: {k.VinnareNamn} blir Årets chef {k.Ar}. HR tillkännager det.", ct);
    }

    // ---- The scheduler's steps --------------------------------------------------------------------------------------------

    /// <summary>
    /// Opens the year's nomination on its first day and invites every employee. Safe to run again: a campaign not yet due
    /// (its date moved) stays closed, and the invitations continue from the last batch sent, so nobody gets two.
    /// </summary>
    public async Task<CommandResult> OppnaAsync(int ar, CancellationToken ct = default)
    {
        if (await db.Set<Kampanj>().FirstOrDefaultAsync(k => k.Ar == ar, ct) is not { } k) return CommandResult.NotFound;
        if (k.State == S.Planerad)
        {
            // The criteria are fixed as the nomination opens: every nomination is written against the same ones.
            k.Kriterieversion ??= await mallar.AktuellAsync(db, k.KommunId, Listmallar.AretsChef, ct);
            var result = new AretsChefWorkflow(k, db, 0).Fire(T.Oppna, Actor.System, "Öppningsdagen är här");
            if (!result.Succeeded) return Nekad(result.Reasons);
            await db.SaveChangesAsync(ct);
        }
        if (k.State != S.NomineringOppen) return CommandResult.Refused("Nomineringen är inte öppen.");
        var inbjudna = await BjudInAsync(k, ct);
        return CommandResult.Done($"Nomineringen till Årets chef {ar} är öppen; {inbjudna} anställda bjöds in nu.");
    }

    /// <summary>Closes the nomination after its last day, if it is still open and the day has not moved.</summary>
    public async Task<CommandResult> StangAsync(int ar, CancellationToken ct = default)
    {
        if (await db.Set<Kampanj>().FirstOrDefaultAsync(k => k.Ar == ar, ct) is not { } k) return CommandResult.NotFound;
        if (k.State != S.NomineringOppen) return CommandResult.Refused("Nomineringen är inte öppen.");
        var result = new AretsChefWorkflow(k, db, 0).Fire(T.Stang, Actor.System, "Sista dagen har passerat");
        if (!result.Succeeded) return Nekad(result.Reasons);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"Nomineringen till Årets chef {ar} är stängd.");
    }

    /// <summary>
    /// Invites every employee with an e-mail address, in batches of one transaction each: the batch's mails, its
    /// <see cref="Inbjuden"/> rows (the participation's denominator, with each person's unit now) and the campaign's note
    /// of the last person invited are committed together, so a retry after a failure continues where the last batch
    /// ended and nobody is invited or counted twice.
    /// </summary>
    private async Task<int> BjudInAsync(Kampanj k, CancellationToken ct)
    {
        var kommun = policies.Find(k.KommunId)?.Kommun;
        var rubriker = (await KriterierAsync(k, ct)).Select(x => x.Rubrik).ToList();
        var lank = links.For("/arets-chef");
        var size = Math.Max(1, options.Value.InbjudanBatch);
        var invited = 0;
        while (k.InbjudningarSkickadeUtc is null)
        {
            var batch = await Inbjudna(db.Personer.AsNoTracking())
                .Where(p => p.Id > k.InbjudenTillOchMedPersonId)
                .OrderBy(p => p.Id).Take(size).Select(p => new { p.Id, p.Epost, p.Fornamn, p.Efternamn, p.EnhetId }).ToListAsync(ct);
            foreach (var p in batch)
                db.Add(new Inbjuden { KommunId = k.KommunId, KampanjId = k.Id, PersonId = p.Id, EnhetId = p.EnhetId });
            foreach (var p in batch)
                await outbox.EnqueueAsync<AretsChefInbjudan, AretsChefInbjudan.Innehall>(new MailRecipient(p.Epost, $"{p.Fornamn} {p.Efternamn}"),
                    $"Nominera Årets chef {k.Ar}", new(p.Fornamn, k.Ar, k.SistaDag, rubriker, kommun, lank),
                    topic: $"AretsChef:{k.Ar}:Inbjudan", kommunId: k.KommunId);
            if (batch.Count > 0) k.InbjudenTillOchMedPersonId = batch[^1].Id;
            if (batch.Count < size) k.InbjudningarSkickadeUtc = db.UtcNow;
            await db.SaveChangesAsync(ct);
            // The sent batch is done with: keep the change tracker small for a municipality of thousands.
            foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>().ToList()) entry.State = EntityState.Detached;
            foreach (var entry in db.ChangeTracker.Entries<Inbjuden>().ToList()) entry.State = EntityState.Detached;
            invited += batch.Count;
        }
        return invited;
    }

    /// <summary>The winner hears it from the portal the moment it is announced, saved with the announcement; so does every
    /// employee who asked to be told (<see cref="Bevakare"/>), with a link to the announcement.</summary>
    private async Task MejlaVinnarenAsync(Kampanj k, CancellationToken ct)
    {
        var kommun = policies.Find(k.KommunId)?.Kommun;
        var lank = links.For($"/arets-chef/{k.Ar}");
        if (await db.Personer.Where(p => p.Id == k.VinnarePersonId).Select(p => new { p.Epost, p.Fornamn, p.Efternamn }).FirstOrDefaultAsync(ct) is { } vinnare
            && !string.IsNullOrWhiteSpace(vinnare.Epost))
            await outbox.EnqueueAsync<AretsChefVinnare, AretsChefVinnare.Innehall>(new MailRecipient(vinnare.Epost, $"{vinnare.Fornamn} {vinnare.Efternamn}"),
                $"Du är Årets chef {k.Ar}", new(vinnare.Fornamn, k.Ar, k.Motivering, kommun, lank),
                topic: $"AretsChef:{k.Ar}:Vinnare", kommunId: k.KommunId);

        var bevakare = await db.Set<Bevakare>().Where(b => b.KampanjId == k.Id && b.PersonId != k.VinnarePersonId)
            .Join(db.Personer.Where(p => p.Aktiv && p.Epost != ""), b => b.PersonId, p => p.Id, (b, p) => new { p.Id, p.Epost, p.Fornamn, p.Efternamn })
            .ToListAsync(ct);
        foreach (var p in bevakare)
            await outbox.EnqueueAsync<AretsChefUtsedd, AretsChefUtsedd.Innehall>(new MailRecipient(p.Epost, $"{p.Fornamn} {p.Efternamn}"),
                $"Årets chef {k.Ar} är utsedd", new(p.Fornamn, k.Ar, k.VinnareNamn, kommun, lank),
                topic: $"AretsChef:{k.Ar}:Utsedd", kommunId: k.KommunId);
    }

    // ---- Plumbing --------------------------------------------------------------------------------------------------------

    /// <summary>The campaigns of the user's municipality (the query filter makes another's not found) with the jury's work.</summary>
    private IQueryable<Kampanj> Kampanjer() => db.Set<Kampanj>().Include(k => k.Kortlista).Include(k => k.Bedomningar);

    private Task<int> AntalNomineringarAsync(Kampanj k, CancellationToken ct) => db.Set<Nominering>().CountAsync(n => n.KampanjId == k.Id, ct);

    private async Task<AretsChefWorkflow> FlodeAsync(Kampanj k, CancellationToken ct) => new(k, db, await AntalNomineringarAsync(k, ct));

    /// <summary>A refusal changes nothing: whatever the command had begun is forgotten, so the page reloads what is stored.</summary>
    private CommandResult Nekad(IReadOnlyList<string> reasons)
    {
        db.ChangeTracker.Clear();
        return CommandResult.Refused(reasons);
    }

    /// <summary>Saves the campaign if nobody saved it since it was loaded. Its version changes also when only its shortlist
    /// changed, so a form built before that is stale.</summary>
    private async Task<CommandResult> SparaAsync(Kampanj k, string klart, CancellationToken ct)
    {
        if (db.Entry(k).State == EntityState.Unchanged) db.Entry(k).State = EntityState.Modified;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Conflict(Andrad(k.Ar));
        }
        return CommandResult.Done(klart);
    }

    /// <summary>
    /// The nominations grouped by nominee, most nominated first, for the jury. Nominators' names are looked up only when
    /// the campaign shows them to the jury, and never on a nomination of the reader themselves.
    /// </summary>
    private async Task<List<Nominerad>> PerChefAsync(Kampanj k, bool medNominatorer, int? lasare, CancellationToken ct)
    {
        var rows = await db.Set<Nominering>().AsNoTracking().Where(n => n.KampanjId == k.Id).OrderBy(n => n.Id)
            .Select(n => new { n.Id, n.ChefPersonId, n.NominatorPersonId, n.Motiveringar, n.Chef!.Fornamn, n.Chef.Efternamn, n.Chef.Titel })
            .ToListAsync(ct);
        var chefIds = rows.Select(r => r.ChefPersonId).Distinct().ToList();
        var enheter = (await db.Enheter.AsNoTracking().Where(e => e.ChefId != null && chefIds.Contains(e.ChefId.Value))
                .Select(e => new { ChefId = e.ChefId!.Value, e.Namn }).ToListAsync(ct))
            .ToLookup(e => e.ChefId, e => e.Namn);
        var namn = new Dictionary<int, string>();
        if (medNominatorer)
        {
            var ids = rows.Where(r => r.ChefPersonId != lasare).Select(r => r.NominatorPersonId).Distinct().ToList();
            namn = await db.Personer.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Fornamn + " " + p.Efternamn, ct);
        }
        return rows.GroupBy(r => r.ChefPersonId)
            .Select(g => new Nominerad(g.Key, $"{g.First().Fornamn} {g.First().Efternamn}", g.First().Titel,
                string.Join(", ", enheter[g.Key].Order()),
                g.Select(r => new NomineringVy(r.Id, r.Motiveringar, r.ChefPersonId == lasare ? null : namn.GetValueOrDefault(r.NominatorPersonId))).ToList()))
            .OrderByDescending(x => x.Nomineringar.Count).ThenBy(x => x.Namn, SwedishTime.NameOrder).ToList();
    }
}
