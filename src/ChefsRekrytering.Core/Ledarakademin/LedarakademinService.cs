using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
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

/// <summary>
/// Builds the tracks from the database in a fixed number of queries, whatever the number of managers, and starts a
/// manager's kompetensväxling. The caller saves.
/// </summary>
public sealed class LedarakademinService(AppDbContext db, KompetensvaxlingMall mall)
{
    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    /// <summary>
    /// The managers: everyone who leads a unit, and everyone with an introduction (a new manager may start before
    /// being set as the unit's chef). Six queries, each over the whole municipality; the track is joined in memory.
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
                k is null ? null : new KompetensvaxlingFakta(k.Id, k.SistaDag, k.Punkter, k.Klara));
            return LedarakademinSpar.Berakna(fakta, today);
        }).ToList();
        return new LedarakademinLage(org, spar, people.ToDictionary(p => p.Id, p => $"{p.Fornamn} {p.Efternamn}"));
    }

    /// <summary>
    /// Starts the knowledge transfer of a manager who is leaving, with the checklist from the template. A transfer
    /// already under way is kept (with its ticks) and given the new last day. Nothing is saved here, so a case that
    /// ends a managership can store this with its own change.
    /// </summary>
    public async Task<Kompetensvaxling> StartaKompetensvaxlingAsync(int personId, DateOnly sistaDag, string anledning, Actor av, CancellationToken ct = default)
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
        foreach (var p in mall.Punkter)
            transfer.Punkter.Add(new KompetensvaxlingPunkt { KommunId = person.KommunId, Rubrik = p.Rubrik, Beskrivning = p.Beskrivning, Ordning = order++ });
        db.Add(transfer);
        return transfer;
    }
}
