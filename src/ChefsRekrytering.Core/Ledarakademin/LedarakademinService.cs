using System.Globalization;
using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Ledarakademin;

/// <summary>Every manager's track in the current municipality, with the org tree the pages filter and check rights by.</summary>
public sealed record LedarakademinLage(OrgChart Org, IReadOnlyList<LedarakademinSpar> Spar, IReadOnlyDictionary<int, string> Namn)
{
    public LedarakademinSpar? For(int personId) => Spar.FirstOrDefault(s => s.Chef.PersonId == personId);

    /// <summary>The units a manager is listed under: those they lead, else the one they belong to.</summary>
    public IReadOnlyList<Enhet> EnheterFor(LedarakademinSpar spar)
    {
        var led = Org.UnitsLedBy(spar.Chef.PersonId).OrderBy(u => u.Namn).ToList();
        return led.Count == 0 && spar.Chef.EnhetId is int own && Org.Unit(own) is { } unit ? [unit] : led;
    }

    /// <summary>The managers in a part of the organisation: leading, or belonging to, one of <paramref name="units"/>.</summary>
    public IEnumerable<LedarakademinSpar> Inom(IReadOnlySet<int> units) =>
        Spar.Where(s => EnheterFor(s).Any(u => units.Contains(u.Id)) || s.Chef.EnhetId is int e && units.Contains(e));

    /// <summary>The managers whose närmast högre chef <paramref name="chefId"/> is.</summary>
    public IEnumerable<LedarakademinSpar> UnderstalldaChefer(int chefId) =>
        Spar.Where(s => Org.ChefFor(s.Chef.PersonId) == chefId);
}

/// <summary>The tracks a user may see on the overview: every manager's for HR; a manager's own and those of the managers
/// they are närmast högre chef for.</summary>
public sealed record LedarakademinOversikt(LedarakademinLage Lage, LedarakademinSpar? Eget, IReadOnlyList<LedarakademinSpar> Synliga, bool HelaKommunen);

/// <summary>One manager's track as the user may see it, with what they may record and tick.</summary>
public sealed record SparDetaljer(
    LedarakademinSpar Spar, LedarakademinLage Lage, string? NarmastHogreChef, IReadOnlyList<Utvecklingsaktivitet> Aktiviteter,
    Kompetensvaxling? Kompetensvaxling, IReadOnlyList<AktivitetTyp> Registrerbara, bool KanStarta, bool KanBocka, DateOnly Idag);

/// <summary>A development activity as it is recorded: done, on a day not after today.</summary>
public sealed record NyAktivitet(AktivitetTyp Typ, DateOnly Datum, string? Beskrivning);

/// <summary>
/// Builds the tracks from the database in a fixed number of queries, whatever the number of managers, and holds the
/// commands that change a track: activities recorded and removed, the knowledge transfer started and ticked. Each checks
/// <see cref="LedarakademinAccess"/> (a track the user may not see does not exist for them) before it changes anything.
/// </summary>
public sealed class LedarakademinService(AppDbContext db, Listmallkalla mallar)
{
    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    /// <summary>The overview: HR sees every manager (within <paramref name="enhet"/> and the units under it, if given); a
    /// manager their own track and their direct reports' (<see cref="ChefAccess.CanSee"/>).</summary>
    public async Task<LedarakademinOversikt> OversiktAsync(ClaimsPrincipal user, int? enhet = null, CancellationToken ct = default)
    {
        var lage = await LoadAsync(ct: ct);
        if (LedarakademinAccess.SerHelaKommunen(user))
            return new(lage, null, enhet is int unitId ? lage.Inom(lage.Org.Subtree(unitId).ToHashSet()).ToList() : lage.Spar, true);
        var me = user.PersonId();
        return new(lage, me is int self ? lage.For(self) : null,
            lage.Spar.Where(s => s.Chef.PersonId != me && ChefAccess.CanSee(user, s.Chef.PersonId, lage.Org)).ToList(), false);
    }

    /// <summary>One manager's track for its page, or null when the person is no manager or the user may not see it.</summary>
    public async Task<SparDetaljer?> SparAsync(int personId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligtAsync(personId, user, ct) is not (var lage, var spar)) return null;
        var aktiviteter = await db.Set<Utvecklingsaktivitet>().AsNoTracking().Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.Datum).ThenByDescending(a => a.Id).ToListAsync(ct);
        var vaxling = await SenasteKompetensvaxling(personId).AsNoTracking().FirstOrDefaultAsync(ct);
        return new(spar, lage, lage.Org.ChefFor(personId) is int chef ? lage.Namn.GetValueOrDefault(chef) : null, aktiviteter, vaxling,
            Enum.GetValues<AktivitetTyp>().Where(t => LedarakademinAccess.KanRegistrera(user, personId, lage.Org, t)).ToList(),
            LedarakademinAccess.KanStartaKompetensvaxling(user, personId, lage.Org) && vaxling?.ArKlar != false,
            LedarakademinAccess.KanBocka(user, personId, lage.Org), Today);
    }

    /// <summary>A development activity done: the yearly talks recorded by the employer side, the rest by the manager too.</summary>
    public async Task<CommandResult> RegistreraAktivitetAsync(int personId, NyAktivitet ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligtAsync(personId, user, ct) is not (var lage, _)) return CommandResult.NotFound;
        var hinder = new List<string>();
        if (!LedarakademinAccess.KanRegistrera(user, personId, lage.Org, ny.Typ)) hinder.Add(SamtalenArArbetsgivarens);
        if (!Utvecklingsaktivitet.ArSamtal(ny.Typ) && string.IsNullOrWhiteSpace(ny.Beskrivning))
            hinder.Add("Beskriv aktiviteten, till exempel kursens eller nätverkets namn.");
        if (AktivitetsdatumFel(ny.Datum) is { } fel) hinder.Add(fel);
        if (hinder.Count > 0) return CommandResult.Refused(hinder);
        db.Add(new Utvecklingsaktivitet
        {
            KommunId = "", PersonId = personId, Typ = ny.Typ, Datum = ny.Datum,
            Beskrivning = string.IsNullOrWhiteSpace(ny.Beskrivning) ? null : ny.Beskrivning.Trim(),
            RegistreradAv = user.Namn(), RegistreradUtc = db.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(string.Create(CultureInfo.InvariantCulture, $"{SwedishText.Of(ny.Typ)} {ny.Datum:yyyy-MM-dd} är registrerad."));
    }

    /// <summary>Why an activity cannot be dated this day, or null: it is recorded once done, so not after today.</summary>
    public string? AktivitetsdatumFel(DateOnly datum) =>
        datum > Today ? "Datumet kan inte vara senare än i dag: registrera aktiviteten när den är genomförd." : null;

    /// <summary>An activity recorded by mistake, removed by whoever may record its kind.</summary>
    public async Task<CommandResult> TaBortAktivitetAsync(int personId, int aktivitetId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligtAsync(personId, user, ct) is not (var lage, _)) return CommandResult.NotFound;
        var aktivitet = await db.Set<Utvecklingsaktivitet>().FirstOrDefaultAsync(a => a.Id == aktivitetId && a.PersonId == personId, ct);
        if (aktivitet is null) return CommandResult.NotFound;
        if (!LedarakademinAccess.KanRegistrera(user, personId, lage.Org, aktivitet.Typ)) return CommandResult.Refused(SamtalenArArbetsgivarens);
        db.Remove(aktivitet);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(string.Create(CultureInfo.InvariantCulture, $"{SwedishText.Of(aktivitet.Typ)} {aktivitet.Datum:yyyy-MM-dd} är borttagen."));
    }

    /// <summary>The employer side starts a leaving manager's knowledge transfer, with the checklist from the template.</summary>
    public async Task<CommandResult> StartaKompetensvaxlingAsync(int personId, DateOnly sistaDag, string anledning, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (await SynligtAsync(personId, user, ct) is not (var lage, _)) return CommandResult.NotFound;
        if (!LedarakademinAccess.KanStartaKompetensvaxling(user, personId, lage.Org))
            return CommandResult.Refused("Kompetensväxlingen startas av närmast högre chef eller HR.");
        if (await SenasteKompetensvaxling(personId).AsNoTracking().FirstOrDefaultAsync(ct) is { ArKlar: false })
            return CommandResult.Refused("En kompetensväxling pågår redan.");
        if (Kompetensvaxling.SistaDagFel(sistaDag, Today) is { } fel) return CommandResult.Refused(fel);
        await PlaneraKompetensvaxlingAsync(personId, sistaDag, anledning, user.Actor(), ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done("Kompetensväxlingen är startad med checklistan för överlämning.");
    }

    /// <summary>An item of the knowledge transfer handed over, or taken back; the leaving manager and the employer tick together.</summary>
    public async Task<CommandResult> MarkeraOverlamnatAsync(int personId, int punktId, bool klar, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligtAsync(personId, user, ct) is not (var lage, _)) return CommandResult.NotFound;
        var punkt = (await SenasteKompetensvaxling(personId).FirstOrDefaultAsync(ct))?.Punkter.FirstOrDefault(p => p.Id == punktId);
        if (punkt is null) return CommandResult.NotFound;
        if (!LedarakademinAccess.KanBocka(user, personId, lage.Org)) return CommandResult.Refused("Du kan inte bocka av överlämningen.");
        punkt.KlarUtc = klar ? punkt.KlarUtc ?? db.UtcNow : null;
        punkt.KlarAv = klar ? punkt.KlarAv ?? user.Namn() : null;
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(klar ? $"{punkt.Rubrik} är överlämnat." : $"{punkt.Rubrik} är markerat som inte klart.");
    }

    private const string SamtalenArArbetsgivarens = "Medarbetarsamtal och lönesamtal registreras av närmast högre chef eller HR.";

    /// <summary>The manager's track, if the person is a manager and the user may see it (deny by default).</summary>
    private async Task<(LedarakademinLage Lage, LedarakademinSpar Spar)?> SynligtAsync(int personId, ClaimsPrincipal user, CancellationToken ct)
    {
        var lage = await LoadAsync(personId, ct);
        return lage.For(personId) is { } spar && ChefAccess.CanSee(user, personId, lage.Org) ? (lage, spar) : null;
    }

    private IQueryable<Kompetensvaxling> SenasteKompetensvaxling(int personId) =>
        db.Set<Kompetensvaxling>().Include(k => k.Punkter.OrderBy(p => p.Ordning)).Where(k => k.PersonId == personId).OrderByDescending(k => k.Id);

    /// <summary>
    /// The managers: everyone who leads a unit, and everyone with an introduction (a new manager may start before
    /// being set as the unit's chef). Seven small queries, each over the whole municipality; the track is joined in memory.
    /// <paramref name="personId"/> narrows the per-manager facts to one manager (the detail page).
    /// </summary>
    public async Task<LedarakademinLage> LoadAsync(int? personId = null, CancellationToken ct = default)
    {
        var today = Today;
        var units = await db.Enheter.AsNoTracking().ToListAsync(ct);
        var people = await db.Personer.AsNoTracking()
            .Select(p => new { p.Id, p.Fornamn, p.Efternamn, p.Titel, p.EnhetId, p.Epost }).ToListAsync(ct);
        var intros = await db.Set<Introduktioner.Introduktion>().AsNoTracking()
            .Where(i => personId == null || i.ChefPersonId == personId)
            .Select(i => new { i.Id, i.ChefPersonId, i.State, i.Startdatum, i.RekryteringId, Punkter = i.Punkter.Count, Klara = i.Punkter.Count(p => p.KlarUtc != null) })
            .ToListAsync(ct);
        // Hired through the portal: a filled recruitment whose hired candidate has the person's e-mail. The introduction's
        // link to its recruitment counts too, since gallring may have blanked the candidate's e-mail.
        var filled = await db.Set<Rekrytering>().AsNoTracking()
            .Where(r => r.State == RekryteringsTillstand.Tillsatt)
            .Select(r => new { r.Id, r.Titel, r.Diarienummer, Epost = r.Kandidater.Where(k => k.State == KandidatTillstand.Anstalld).Select(k => k.Epost).ToList() })
            .ToListAsync(ct);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var activities = await db.Set<Utvecklingsaktivitet>().AsNoTracking()
            .Where(a => personId == null ? a.Datum >= yearStart : a.PersonId == personId)
            .Select(a => new { a.PersonId, a.Typ, a.Datum }).ToListAsync(ct);
        var transfers = await db.Set<Kompetensvaxling>().AsNoTracking()
            .Where(k => personId == null || k.PersonId == personId)
            .Select(k => new { k.Id, k.PersonId, k.SistaDag, Punkter = k.Punkter.Count, Klara = k.Punkter.Count(p => p.KlarUtc != null) })
            .ToListAsync(ct);

        // The day the municipality's portal started: a unit led since before it, or since a day the portal never recorded
        // (entered with its chef), has a chef from before the portal.
        var portalStart = await db.Kommuner.Where(k => k.Id == db.CurrentKommunId).Select(k => (DateTime?)k.SkapadUtc).FirstOrDefaultAsync(ct) is { } skapad
            ? DateOnly.FromDateTime(SwedishTime.ToLocal(skapad)) : DateOnly.MinValue;
        var ledSedanFore = units.Where(u => u.ChefId is not null && (u.ChefSedan is not { } sedan || sedan < portalStart))
            .Select(u => u.ChefId!.Value).ToHashSet();

        var org = new OrgChart(units, people.Select(p => (p.Id, p.EnhetId)));
        var managerIds = units.Where(u => u.ChefId is not null).Select(u => u.ChefId!.Value)
            .Concat(intros.Select(i => i.ChefPersonId)).ToHashSet();
        if (personId is int only) managerIds.IntersectWith([only]);

        var byEmail = filled.SelectMany(r => r.Epost.Select(e => (Epost: e.Trim().ToLowerInvariant(), r)))
            .GroupBy(x => x.Epost).ToDictionary(g => g.Key, g => g.Last().r);
        var byId = filled.ToDictionary(r => r.Id);
        var introsOf = intros.ToLookup(i => i.ChefPersonId);
        var activitiesOf = activities.ToLookup(a => a.PersonId, a => new AktivitetFakta(a.Typ, a.Datum));
        var transferOf = transfers.GroupBy(k => k.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(k => k.Id)!);

        var spar = people.Where(p => managerIds.Contains(p.Id)).Select(p =>
        {
            var hired = byEmail.GetValueOrDefault(p.Epost.Trim().ToLowerInvariant())
                ?? introsOf[p.Id].Select(i => i.RekryteringId is int r ? byId.GetValueOrDefault(r) : null).FirstOrDefault(r => r is not null);
            var k = transferOf.GetValueOrDefault(p.Id);
            var fakta = new ChefFakta(p.Id, $"{p.Fornamn} {p.Efternamn}", p.Titel, p.EnhetId,
                hired is null ? null : new RekryteringFakta(hired.Id, hired.Titel, hired.Diarienummer),
                IntroduktionFakta.Galland(introsOf[p.Id].Select(i => new IntroduktionFakta(i.Id, i.State, i.Startdatum, i.Punkter, i.Klara))),
                activitiesOf[p.Id].ToList(),
                k is null ? null : new KompetensvaxlingFakta(k.Id, k.SistaDag, k.Punkter, k.Klara),
                ForePortalen: hired is null && ledSedanFore.Contains(p.Id));
            return LedarakademinSpar.Berakna(fakta, today);
        }).ToList();
        return new LedarakademinLage(org, spar, people.ToDictionary(p => p.Id, p => $"{p.Fornamn} {p.Efternamn}"));
    }

    /// <summary>
    /// Plans the knowledge transfer of a manager who is leaving, with the checklist from the template. A transfer already
    /// under way is kept (with its ticks) and given the new last day. Nothing is saved here, so a case that ends a
    /// managership (<see cref="Avvecklingar.KompetensvaxlingVidAvslut"/>) stores this with its own change.
    /// </summary>
    internal async Task<Kompetensvaxling> PlaneraKompetensvaxlingAsync(int personId, DateOnly sistaDag, string anledning, Actor av, CancellationToken ct = default)
    {
        var person = await db.Personer.FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new InvalidOperationException("Personen finns inte i kommunen.");
        var open = await db.Set<Kompetensvaxling>().Include(k => k.Punkter)
            .Where(k => k.PersonId == personId && k.Punkter.Any(p => p.KlarUtc == null))
            .OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            open.SistaDag = sistaDag;
            return open;
        }
        var transfer = new Kompetensvaxling
        {
            KommunId = person.KommunId, PersonId = personId, SistaDag = sistaDag, Anledning = anledning.Trim(),
            StartadAv = av.Namn, StartadUtc = db.UtcNow,
        };
        var order = 0;
        // The municipality's current version of the template (HR's, else the file), copied into this transfer.
        var (_, mall) = await mallar.HamtaAsync<KompetensvaxlingMall.MallPunkt>(db, person.KommunId, Listmallar.Kompetensvaxling, ct);
        foreach (var p in mall)
            transfer.Punkter.Add(new KompetensvaxlingPunkt { KommunId = person.KommunId, Rubrik = p.Rubrik, Beskrivning = p.Beskrivning, Ordning = order++ });
        db.Add(transfer);
        return transfer;
    }
}
