using System.Globalization;
using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Organisation.Personalimport;

/// <summary>Who may import the personnel export, see what it would do, and read the history: the municipality's Admin.</summary>
public static class PersonalimportAccess
{
    public static bool KanImportera(ClaimsPrincipal user) => OrganisationAccess.KanAndra(user);
}

public sealed record Avvisad(int Rad, string Anstallningsnummer, string Orsak);

/// <summary>What an import would do, computed against the database without changing it.</summary>
public sealed record Forhandsgranskning(
    IReadOnlyList<string> Hinder, int Rader, int AktivaFore,
    IReadOnlyList<string> NyaPersoner, IReadOnlyList<string> AndradePersoner, IReadOnlyList<string> FlyttadePersoner,
    IReadOnlyList<string> NyaEnheter, IReadOnlyList<string> AndradeEnheter, IReadOnlyList<string> NyaChefer,
    IReadOnlyList<string> Lamnade, IReadOnlyList<string> Aterkomna, IReadOnlyList<Avvisad> Avvisade)
{
    /// <summary>More than this share of the active employees leaving in one import looks like a truncated file.</summary>
    public const double AvgangsGrans = 0.10;

    /// <summary>Things the import will do that Admin may not expect, in Swedish; they stop nothing.</summary>
    public IReadOnlyList<string> Varningar { get; init; } = [];

    /// <summary>The headers the column mapping asked for and the file lacked (then the whole file is refused).</summary>
    public IReadOnlyList<string> SaknadeKolumner { get; init; } = [];

    public bool Avvisas => Hinder.Count > 0;
    public int Andringar => NyaPersoner.Count + AndradePersoner.Count + FlyttadePersoner.Count + NyaEnheter.Count + AndradeEnheter.Count
        + NyaChefer.Count + Lamnade.Count + Aterkomna.Count;
    public bool KraverBekraftelse => AktivaFore > 0 && Lamnade.Count > AktivaFore * AvgangsGrans;

    public string Sammanfattning =>
        $"{NyaPersoner.Count} nya, {AndradePersoner.Count} ändrade, {FlyttadePersoner.Count} flyttade, {Lamnade.Count} slutade, " +
        $"{Aterkomna.Count} åter, {NyaEnheter.Count} nya enheter, {AndradeEnheter.Count} ändrade enheter, {NyaChefer.Count} nya chefer, " +
        $"{Avvisade.Count} avvisade rader";
}

public sealed record Importhistorik(int Id, DateTime Utc, string Av, string Filnamn, string Sammanfattning);

/// <summary>
/// The HR system's personnel export brings the municipality's people and units up to date, keyed by employee number and
/// unit code (never by name). A preview shows what would change; applying does exactly that in one save, so a failed
/// import changes nothing and the same file twice changes nothing the second time. People missing from the file, or whose
/// last day has passed, leave through <see cref="Avgang"/>: their records stay, their accounts are locked.
/// </summary>
public sealed class PersonalimportService(AppDbContext db, AuditLog audit)
{
    private const string EjBehorig = "Bara kommunens administratör kan importera personal.";

    public async Task<Kolumnmappning> KolumnmappningAsync(CancellationToken ct = default) =>
        await db.Set<Kolumnmappning>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new Kolumnmappning { KommunId = "" };

    /// <summary>The headers the municipality's export uses, for the mapping page; null for anyone but Admin.</summary>
    public async Task<Kolumnmappning?> KolumnerAsync(ClaimsPrincipal actor, CancellationToken ct = default) =>
        PersonalimportAccess.KanImportera(actor) ? await KolumnmappningAsync(ct) : null;

    /// <summary>Saves which header of the municipality's export holds each column (<see cref="Kolumnmappning.Falt"/>, by property):
    /// every column needs a header, no two the same (the file's headers are matched without regard to case).</summary>
    public async Task<CommandResult> SparaKolumnmappningAsync(IReadOnlyDictionary<string, string?> rubriker, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!PersonalimportAccess.KanImportera(actor)) return CommandResult.Refused(EjBehorig);
        var falt = Kolumnmappning.Falt.Select(f => (f.Egenskap, f.Betydelse,
            Rubrik: InputText.SingleLine(rubriker.GetValueOrDefault(f.Egenskap) ?? "").Trim())).ToList();
        var reasons = new List<string>();
        foreach (var f in falt.Where(f => f.Rubrik.Length == 0)) reasons.Add($"Ange rubriken för ”{f.Betydelse}”.");
        foreach (var f in falt.Where(f => f.Rubrik.Length > Kolumnmappning.MaxLangd))
            reasons.Add($"Rubriken för ”{f.Betydelse}” är längre än {Kolumnmappning.MaxLangd} tecken.");
        foreach (var g in falt.Where(f => f.Rubrik.Length > 0).GroupBy(f => f.Rubrik, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            reasons.Add($"{string.Join(" och ", g.Select(f => $"”{f.Betydelse}”"))} har samma rubrik ”{g.Key}”. Varje kolumn behöver en egen rubrik.");
        if (reasons.Count > 0) return CommandResult.Refused(reasons);

        var mappning = await db.Set<Kolumnmappning>().FirstOrDefaultAsync(ct);
        if (mappning is null) db.Add(mappning = new Kolumnmappning { KommunId = "" });
        foreach (var f in falt) mappning.SattRubrik(f.Egenskap, f.Rubrik);
        audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Organisation, 0, "Personalimport: kolumnernas rubriker ändrade");
        await db.SaveChangesAsync(ct);
        return CommandResult.Done("Kolumnerna är sparade. Nästa import läser filens rubriker så.");
    }

    /// <summary>Back to the Swedish default headers: the municipality's own mapping is removed.</summary>
    public async Task<CommandResult> AterstallKolumnmappningAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!PersonalimportAccess.KanImportera(actor)) return CommandResult.Refused(EjBehorig);
        if (await db.Set<Kolumnmappning>().FirstOrDefaultAsync(ct) is { } mappning)
        {
            db.Remove(mappning);
            audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Organisation, 0, "Personalimport: kolumnernas rubriker återställda");
            await db.SaveChangesAsync(ct);
        }
        return CommandResult.Done("Kolumnerna har standardrubrikerna igen.");
    }

    /// <summary>What the file would change; null for anyone but Admin. Nothing is written.</summary>
    public async Task<Forhandsgranskning?> ForhandsgranskaAsync(byte[] fil, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!PersonalimportAccess.KanImportera(actor)) return null;
        var fileRows = PersonalimportParser.Parse(fil, await KolumnmappningAsync(ct));
        if (fileRows.Hinder.Count > 0) return Refused(fileRows);
        var people = await db.Personer.AsNoTracking().ToListAsync(ct);
        var units = await db.Enheter.AsNoTracking().ToListAsync(ct);
        return Plan.Make(fileRows.Rader, people, units, Today(), await KolumnmappningAsync(ct)).Preview;
    }

    /// <summary>Carries out the file: every change, the log entry with the file, and the audit entry in one save.</summary>
    /// <param name="forhandsgranskad">The <see cref="Kontrollsumma"/> of the file Admin previewed, if any: another file is refused.</param>
    public async Task<CommandResult<Forhandsgranskning>> GenomforAsync(byte[] fil, string filnamn, bool bekraftaAvgangar, ClaimsPrincipal actor,
        string? forhandsgranskad = null, CancellationToken ct = default)
    {
        if (!PersonalimportAccess.KanImportera(actor)) return new(CommandResult.Refused(EjBehorig), null);
        if (!string.IsNullOrEmpty(forhandsgranskad) && forhandsgranskad != Kontrollsumma(fil))
            return new(CommandResult.Refused("Filen är inte den som förhandsgranskades. Välj samma fil igen, eller förhandsgranska den nya."), null);
        var mappning = await KolumnmappningAsync(ct);
        var fileRows = PersonalimportParser.Parse(fil, mappning);
        if (fileRows.Hinder.Count > 0) return new(CommandResult.Refused(fileRows.Hinder), Refused(fileRows));
        var people = await db.Personer.ToListAsync(ct);
        var units = await db.Enheter.ToListAsync(ct);
        var today = Today();
        var plan = Plan.Make(fileRows.Rader, people, units, today, mappning);
        var preview = plan.Preview;
        if (preview.KraverBekraftelse && !bekraftaAvgangar)
            return new(CommandResult.Refused(
                $"Importen skulle markera {preview.Lamnade.Count} av {preview.AktivaFore} aktiva anställda som slutade, fler än " +
                $"{Forhandsgranskning.AvgangsGrans:P0}. Kontrollera att filen är hel, eller bekräfta att så många har slutat."), preview);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await plan.ApplyAsync(db, today, ct);
        var filename = Path.GetFileName(filnamn.Replace('\\', '/'));
        db.Add(new Personalimportlogg
        {
            KommunId = "", UserId = actor.UserId() ?? "", Av = actor.Namn(), Utc = db.UtcNow,
            Filnamn = string.IsNullOrWhiteSpace(filename) ? "personal.csv" : filename[..Math.Min(filename.Length, 260)],
            Rader = preview.Rader, NyaPersoner = preview.NyaPersoner.Count, AndradePersoner = preview.AndradePersoner.Count,
            FlyttadePersoner = preview.FlyttadePersoner.Count, NyaEnheter = preview.NyaEnheter.Count, AndradeEnheter = preview.AndradeEnheter.Count,
            NyaChefer = preview.NyaChefer.Count, Lamnade = preview.Lamnade.Count, Aterkomna = preview.Aterkomna.Count, Avvisade = preview.Avvisade.Count,
            Fil = fil,
        });
        audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Organisation, 0, $"Personalimport: {preview.Sammanfattning}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct); // one transaction: all of it or nothing
        return new(CommandResult.Done($"Importen är genomförd: {preview.Sammanfattning}."), preview);
    }

    public async Task<IReadOnlyList<Importhistorik>> HistorikAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!PersonalimportAccess.KanImportera(actor)) return [];
        var rows = await db.Set<Personalimportlogg>().AsNoTracking().OrderByDescending(l => l.Utc)
            .Select(l => new { l.Id, l.Utc, l.Av, l.Filnamn, l.NyaPersoner, l.AndradePersoner, l.FlyttadePersoner, l.Lamnade, l.Aterkomna,
                l.NyaEnheter, l.AndradeEnheter, l.NyaChefer, l.Avvisade }).ToListAsync(ct);
        return rows.Select(l => new Importhistorik(l.Id, l.Utc, l.Av, l.Filnamn,
            $"{l.NyaPersoner} nya, {l.AndradePersoner} ändrade, {l.FlyttadePersoner} flyttade, {l.Lamnade} slutade, {l.Aterkomna} åter, " +
            $"{l.NyaEnheter} nya enheter, {l.AndradeEnheter} ändrade enheter, {l.NyaChefer} nya chefer, {l.Avvisade} avvisade rader")).ToList();
    }

    /// <summary>The file of an import, as it was uploaded; null when there is none or the user is not Admin.</summary>
    public async Task<(string Filnamn, byte[] Fil)?> FilAsync(int id, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!PersonalimportAccess.KanImportera(actor)) return null;
        var log = await db.Set<Personalimportlogg>().AsNoTracking().Where(l => l.Id == id).Select(l => new { l.Filnamn, l.Fil }).FirstOrDefaultAsync(ct);
        return log is null ? null : (log.Filnamn, log.Fil);
    }

    /// <summary>Names a file's exact bytes, so the file applied is the file previewed.</summary>
    public static string Kontrollsumma(byte[] fil) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(fil));

    private DateOnly Today() => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    private static Forhandsgranskning Refused(Importfil f) => new(f.Hinder, 0, 0, [], [], [], [], [], [], [], [], []) { SaknadeKolumner = f.SaknadeKolumner };

    /// <summary>The decisions for one file against the loaded people and units; <see cref="ApplyAsync"/> carries them out.</summary>
    private sealed class Plan
    {
        private sealed record UnitDef(string Kod, string Namn, string Overordnad, Enhet? Befintlig);
        private sealed record PersonOp(Importrad Row, Person? Befintlig, string Epost, DateOnly? Slutar, bool Slutat);

        private readonly List<UnitDef> _units = [];
        private readonly Dictionary<string, Enhet> _existingByKod = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<PersonOp> _people = [];
        private readonly List<Person> _leave = [];
        private readonly List<Person> _back = [];
        private readonly List<(string Kod, string ChefNr)> _chefs = [];
        public Forhandsgranskning Preview { get; private set; } = null!;

        public static Plan Make(IReadOnlyList<Importrad> rows, List<Person> people, List<Enhet> units, DateOnly today, Kolumnmappning m)
        {
            var plan = new Plan();
            var rejected = new Dictionary<int, string>(); // row number → reason (the first found)
            void Reject(Importrad r, string reason) => rejected.TryAdd(r.Rad, reason);
            bool Ok(Importrad r) => !rejected.ContainsKey(r.Rad);

            // Row by row: formulas, missing values, e-mail, date.
            foreach (var r in rows)
            {
                var cells = new (string Col, string Val)[] { (m.Anstallningsnummer, r.Anstallningsnummer), (m.Fornamn, r.Fornamn), (m.Efternamn, r.Efternamn),
                    (m.Epost, r.Epost), (m.Enhetskod, r.Enhetskod), (m.Enhetsnamn, r.Enhetsnamn), (m.OverordnadEnhet, r.OverordnadEnhet),
                    (m.ChefensAnstallningsnummer, r.ChefensAnstallningsnummer), (m.Slutdatum, r.Slutdatum) };
                if (cells.FirstOrDefault(c => c.Val.Length > 0 && "=+-@".Contains(c.Val[0])) is { Col: not null } formel)
                    Reject(r, $"Cellen i kolumnen ”{formel.Col}” börjar med ”{formel.Val[0]}” och kan vara en formel. Raden är avvisad.");
                else if (r.Anstallningsnummer.Length == 0) Reject(r, "Anställningsnummer saknas.");
                else if (r.Anstallningsnummer.Length > 40) Reject(r, "Anställningsnumret är längre än 40 tecken.");
                else if (r.Fornamn.Length == 0 || r.Efternamn.Length == 0) Reject(r, "Förnamn eller efternamn saknas.");
                else if (r.Fornamn.Length > 100 || r.Efternamn.Length > 100) Reject(r, "Förnamn eller efternamn är längre än 100 tecken.");
                else if (!GiltigEpost(r.Epost)) Reject(r, $"E-postadressen ”{r.Epost}” är inte giltig.");
                else if (r.Enhetskod.Length == 0 || r.Enhetskod.Length > 40) Reject(r, "Enhetskod saknas eller är längre än 40 tecken.");
                else if (r.Enhetsnamn.Length == 0 || r.Enhetsnamn.Length > 200) Reject(r, "Enhetsnamn saknas eller är längre än 200 tecken.");
                else if (r.Slutdatum.Length > 0 && !DateOnly.TryParseExact(r.Slutdatum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    Reject(r, $"Slutdatum ”{r.Slutdatum}” är inte ett datum på formen ÅÅÅÅ-MM-DD.");
            }
            foreach (var g in rows.Where(r => r.Anstallningsnummer.Length > 0).GroupBy(r => r.Anstallningsnummer, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                foreach (var r in g) Reject(r, $"Anställningsnumret {g.Key} finns på flera rader ({string.Join(", ", g.Select(x => x.Rad))}).");
            foreach (var g in rows.Where(Ok).GroupBy(r => r.Epost.ToLowerInvariant()).Where(g => g.Count() > 1))
                foreach (var r in g) Reject(r, $"E-postadressen {g.Key} finns på flera rader ({string.Join(", ", g.Select(x => x.Rad))}).");

            // Units: the first row of a code names it and its parent; a parent must be in the file or the portal, and the tree has no cycle.
            foreach (var u in units.Where(u => u.Kod is not null)) plan._existingByKod[u.Kod!] = u;
            var uncodedByName = units.Where(u => u.Kod is null).GroupBy(u => u.Namn, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.OrdinalIgnoreCase);
            var defs = new Dictionary<string, UnitDef>(StringComparer.OrdinalIgnoreCase);
            foreach (var r in rows.Where(Ok))
                if (!defs.ContainsKey(r.Enhetskod))
                    defs[r.Enhetskod] = new UnitDef(r.Enhetskod, r.Enhetsnamn, r.OverordnadEnhet,
                        plan._existingByKod.GetValueOrDefault(r.Enhetskod) ?? uncodedByName.GetValueOrDefault(r.Enhetsnamn));
            var byId = units.ToDictionary(u => u.Id);
            string? ParentKey(string key)
            {
                if (defs.TryGetValue(key, out var d)) return d.Overordnad.Length == 0 ? null : d.Overordnad;
                var unit = key.StartsWith('#') ? byId[int.Parse(key[1..], CultureInfo.InvariantCulture)] : plan._existingByKod[key];
                return unit.OverordnadId is int p ? byId[p].Kod ?? $"#{p}" : null;
            }
            bool Known(string key) => defs.ContainsKey(key) || plan._existingByKod.ContainsKey(key);
            var badUnits = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var d in defs.Values)
            {
                var path = new List<string> { d.Kod };
                for (var key = ParentKey(d.Kod); key is not null; key = ParentKey(key))
                {
                    if (!Known(key) && !key.StartsWith('#'))
                    { badUnits[d.Kod] = $"Överordnad enhet ”{key}” finns varken i filen eller i portalen."; break; }
                    if (path.Contains(key, StringComparer.OrdinalIgnoreCase))
                    {
                        path.Add(key);
                        badUnits[d.Kod] = $"Enheten {d.Kod} ligger i en slinga i organisationsträdet: {string.Join(" → ", path)}.";
                        break;
                    }
                    path.Add(key);
                }
            }
            foreach (var r in rows.Where(Ok).ToList())
                if (badUnits.TryGetValue(r.Enhetskod, out var why)) Reject(r, why);
            foreach (var kod in badUnits.Keys) defs.Remove(kod);

            // Chefs must be employees in the file; rejecting one may leave another row's chef missing, so until nothing changes.
            for (var changed = true; changed;)
            {
                changed = false;
                var employees = rows.Where(Ok).Select(r => r.Anstallningsnummer).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var r in rows.Where(Ok).ToList())
                    if (r.ChefensAnstallningsnummer.Length > 0 && !employees.Contains(r.ChefensAnstallningsnummer))
                    {
                        Reject(r, $"Chefen med anställningsnummer {r.ChefensAnstallningsnummer} finns inte som anställd i filen.");
                        changed = true;
                    }
            }

            // People, matched by employee number, else (people typed in before) by e-mail.
            var byNr = people.Where(p => p.Anstallningsnummer is not null).ToDictionary(p => p.Anstallningsnummer!, StringComparer.OrdinalIgnoreCase);
            var byEpost = people.GroupBy(p => p.Epost.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
            var unitKod = units.ToDictionary(u => u.Id, u => u.Kod);
            var preview = new Lists();
            foreach (var r in rows.Where(Ok))
            {
                var epost = r.Epost.ToLowerInvariant();
                var person = byNr.GetValueOrDefault(r.Anstallningsnummer)
                    ?? (byEpost.GetValueOrDefault(epost) is { Anstallningsnummer: null } typedIn ? typedIn : null);
                if (byEpost.GetValueOrDefault(epost) is { } holder && holder != person)
                { Reject(r, $"E-postadressen {epost} används redan av en annan person i portalen."); continue; }
                DateOnly? slutar = r.Slutdatum.Length > 0 ? DateOnly.ParseExact(r.Slutdatum, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
                var slutat = slutar < today;
                var label = $"{r.Fornamn} {r.Efternamn} ({r.Anstallningsnummer})";
                if (person is null)
                {
                    if (slutat) continue; // left before the portal knew them
                    plan._people.Add(new(r, null, epost, slutar, false));
                    preview.Nya.Add(label);
                    continue;
                }
                plan._people.Add(new(r, person, epost, slutar, slutat));
                if (person.Fornamn != r.Fornamn || person.Efternamn != r.Efternamn || person.Epost != epost
                    || person.Anstallningsnummer != r.Anstallningsnummer || person.AnstallningSlutar != slutar) preview.Andrade.Add(label);
                var enhetKod = person.EnhetId is int e ? unitKod.GetValueOrDefault(e) : null;
                var targetUnit = defs.GetValueOrDefault(r.Enhetskod)?.Befintlig;
                if (targetUnit is null || person.EnhetId != targetUnit.Id) preview.Flyttade.Add($"{label} till {r.Enhetsnamn}");
                if (person.Aktiv && slutat) { plan._leave.Add(person); preview.Lamnade.Add(label); }
                if (!person.Aktiv && !slutat) { plan._back.Add(person); preview.Ater.Add(label); }
            }
            var seen = rows.Select(r => r.Anstallningsnummer).Where(n => n.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var p in people.Where(p => p.Aktiv && p.Anstallningsnummer is not null && !seen.Contains(p.Anstallningsnummer)))
            {
                plan._leave.Add(p);
                preview.Lamnade.Add($"{p.Namn} ({p.Anstallningsnummer})");
            }

            // Units and their chefs.
            var personNr = people.ToDictionary(p => p.Id, p => p.Anstallningsnummer);
            var accepted = rows.Where(Ok).ToList();
            var names = accepted.ToDictionary(r => r.Anstallningsnummer, r => $"{r.Fornamn} {r.Efternamn}", StringComparer.OrdinalIgnoreCase);
            var ended = plan._people.Where(p => p.Slutat).Select(p => p.Row.Anstallningsnummer).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var varningar = new List<string>();
            // Each unit's chefs as its rows name them, in the file's order (grouped once: 50 000 rows by a few thousand units).
            var chefsByUnit = accepted.Where(r => r.ChefensAnstallningsnummer.Length > 0).GroupBy(r => r.Enhetskod, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Select(r => r.ChefensAnstallningsnummer).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    StringComparer.OrdinalIgnoreCase);
            foreach (var d in defs.Values)
            {
                plan._units.Add(d);
                var parentNow = d.Befintlig?.OverordnadId is int pid ? unitKod.GetValueOrDefault(pid) : null;
                if (d.Befintlig is null) preview.NyaEnheter.Add($"{d.Namn} ({d.Kod})");
                else if (d.Befintlig.Namn != d.Namn || d.Befintlig.Kod != d.Kod || !string.Equals(parentNow ?? "", d.Overordnad, StringComparison.OrdinalIgnoreCase)
                         || (d.Overordnad.Length == 0 && d.Befintlig.OverordnadId is not null))
                    preview.AndradeEnheter.Add($"{d.Namn} ({d.Kod})");
                var chefNrs = chefsByUnit.GetValueOrDefault(d.Kod) ?? [];
                var chefNr = chefNrs.FirstOrDefault();
                if (chefNrs.Count > 1) // the file's first row of the unit decides, as it does for the unit's name and parent
                    varningar.Add($"Enheten {d.Namn} ({d.Kod}) har olika chefer på olika rader: anställningsnummer {string.Join(", ", chefNrs)}. " +
                        $"Importen gör {chefNr}, som står först i filen, till chef.");
                if (chefNr is null || ended.Contains(chefNr) || !names.ContainsKey(chefNr)) continue;
                var chefNow = d.Befintlig?.ChefId is int c ? personNr.GetValueOrDefault(c) : null;
                if (!string.Equals(chefNow, chefNr, StringComparison.OrdinalIgnoreCase))
                {
                    plan._chefs.Add((d.Kod, chefNr));
                    preview.NyaChefer.Add($"{names[chefNr]} för {d.Namn}");
                }
            }
            // A unit the person is moved to is new, or an existing unit got a code: the move counts only when the unit differs.
            plan.Preview = new Forhandsgranskning([], rows.Count, people.Count(p => p.Aktiv), preview.Nya, preview.Andrade,
                preview.Flyttade, preview.NyaEnheter, preview.AndradeEnheter, preview.NyaChefer, preview.Lamnade, preview.Ater,
                rejected.OrderBy(x => x.Key).Select(x => new Avvisad(x.Key, rows.First(r => r.Rad == x.Key).Anstallningsnummer, x.Value)).ToList())
            { Varningar = varningar };
            return plan;
        }

        /// <summary>Changes the tracked entities the plan was made from, in the caller's transaction; the caller saves last. People
        /// and units are saved once before the chefs are set: a new unit whose chef is a new person in it is a cycle of keys.</summary>
        public async Task ApplyAsync(AppDbContext db, DateOnly today, CancellationToken ct)
        {
            // Leaving first: Avgang vacates the units they led, and a chef named by this file then takes over.
            foreach (var p in _leave) await Avgang.LamnaAsync(db, p, ct);
            foreach (var p in _back) await Avgang.AterAsync(db, p, ct);

            var byKod = new Dictionary<string, Enhet>(_existingByKod, StringComparer.OrdinalIgnoreCase);
            foreach (var d in _units)
            {
                var unit = d.Befintlig;
                if (unit is null) db.Enheter.Add(unit = new Enhet { KommunId = "", Namn = d.Namn, Kod = d.Kod, Typ = EnhetTyp.Enhet });
                unit.Namn = d.Namn;
                unit.Kod = d.Kod;
                byKod[d.Kod] = unit;
            }
            foreach (var d in _units)
            {
                var unit = byKod[d.Kod];
                if (d.Overordnad.Length == 0) { unit.Overordnad = null; unit.OverordnadId = null; }
                else if (byKod[d.Overordnad] is var parent && (unit.OverordnadId != parent.Id || parent.Id == 0)) unit.Overordnad = parent;
            }
            var byNr = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
            foreach (var op in _people)
            {
                var p = op.Befintlig;
                if (p is null)
                    db.Personer.Add(p = new Person { KommunId = "", Fornamn = op.Row.Fornamn, Efternamn = op.Row.Efternamn, Epost = op.Epost });
                p.Fornamn = op.Row.Fornamn;
                p.Efternamn = op.Row.Efternamn;
                p.Epost = op.Epost;
                p.Anstallningsnummer = op.Row.Anstallningsnummer;
                p.AnstallningSlutar = op.Slutar;
                var unit = byKod[op.Row.Enhetskod];
                if (p.EnhetId != unit.Id || unit.Id == 0) p.Enhet = unit;
                byNr[op.Row.Anstallningsnummer] = p;
            }
            await db.SaveChangesAsync(ct);
            foreach (var (kod, chefNr) in _chefs)
            {
                var unit = byKod[kod];
                var chef = byNr[chefNr];
                if (chef.Id != 0) unit.BytChef(chef.Id, today);
                else { unit.Chef = chef; unit.ChefSedan = today; }
            }
        }

        private sealed class Lists
        {
            public List<string> Nya { get; } = [];
            public List<string> Andrade { get; } = [];
            public List<string> Flyttade { get; } = [];
            public List<string> NyaEnheter { get; } = [];
            public List<string> AndradeEnheter { get; } = [];
            public List<string> NyaChefer { get; } = [];
            public List<string> Lamnade { get; } = [];
            public List<string> Ater { get; } = [];
        }
    }

    private static bool GiltigEpost(string s) =>
        s.Length is > 2 and <= 256 && !s.Contains(' ') && InputText.IsEmail(s);
}
