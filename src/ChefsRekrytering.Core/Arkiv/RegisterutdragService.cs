using System.IO.Compression;
using System.Security.Claims;
using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Arkiv;

/// <summary>What may be erased on request and what may not, with the reasons in Swedish.</summary>
public sealed record Raderingsprovning(IReadOnlyList<(int KandidatId, string Beskrivning)> Raderbara, IReadOnlyList<string> Hinder);

/// <summary>HR's search for an address: what the extract holds, and what may be erased.</summary>
public sealed record Sokresultat(Registerutdrag Utdrag, Raderingsprovning Provning);

/// <summary>A file to download: the register extract as ZIP, or a recruitment as a public record.</summary>
public sealed record Utdragsfil(byte[] Innehall, string Filnamn, string Typ);

/// <summary>
/// Answers a person's request for their data, and their request to be erased: finds them by e-mail address in the current
/// municipality as employee, manager, account holder and applicant, and collects every record that names them. HR asks
/// for anyone (<see cref="SokAsync"/>, <see cref="HamtaAsync"/>, <see cref="RaderaPaBegaranAsync"/>), a signed-in person
/// for themselves (<see cref="MinaUppgifterAsync"/>); <see cref="ArkivAccess"/> decides, and every read is logged.
/// </summary>
public sealed class RegisterutdragService(AppDbContext db, DocumentService documents, Gallring gallring, AuditLog audit,
    PolicyLibrary policies, IEnumerable<IRegisterutdragBidrag> bidrag)
{
    public static string Normalisera(string epost) => epost.Trim().ToLowerInvariant();

    // ---- HR answers a request (ArkivAccess.ArHr): every read is logged, by ids, never by the address ------------------------

    /// <summary>What the portal holds about the address, and what may be erased; null for anyone but HR.</summary>
    public Task<Sokresultat?> SokAsync(string epost, ClaimsPrincipal user, CancellationToken ct = default) =>
        VisaAsync(epost, user, "Registerutdrag visat", ct);

    /// <summary>The search, logged as read with what the page was showing.</summary>
    private async Task<Sokresultat?> VisaAsync(string epost, ClaimsPrincipal user, string handelse, CancellationToken ct)
    {
        if (!ArkivAccess.ArHr(user)) return null;
        var person = await HittaAsync(epost, ct);
        var utdrag = await SammanstallAsync(person, user.Namn(), Utdragsmottagare.HR, ct);
        await LoggaAsync(person, utdrag, user, AuditAction.Last, handelse, ct);
        return new Sokresultat(utdrag, await ProvaAsync(person, ct));
    }

    /// <summary>The register extract as a ZIP file for HR to hand over; null for anyone but HR.</summary>
    public async Task<Utdragsfil?> HamtaAsync(string epost, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ArkivAccess.ArHr(user)) return null;
        var person = await HittaAsync(epost, ct);
        var utdrag = await SammanstallAsync(person, user.Namn(), Utdragsmottagare.HR, ct);
        await LoggaAsync(person, utdrag, user, AuditAction.LaddadeNed, "Registerutdrag hämtat som fil", ct);
        return new Utdragsfil(await ZipAsync(utdrag, ct), $"registerutdrag-{SwedishTime.ToLocal(db.UtcNow):yyyy-MM-dd}.zip", "application/zip");
    }

    /// <summary>The latest erasures on request, newest first: who erased what, when and why.</summary>
    public async Task<IReadOnlyList<Radering>> SenasteRaderingarAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        ArkivAccess.ArHr(user) ? await db.Set<Radering>().AsNoTracking().OrderByDescending(r => r.AtUtc).Take(20).ToListAsync(ct) : [];

    /// <summary>
    /// Erases on request what <see cref="ProvaAsync"/> allows (as gallring does, at once) and keeps a record of who erased
    /// what, when and why, with the search shown again after it. Refused, with the reasons, when there is no reason given
    /// or nothing may go; then nothing changes.
    /// </summary>
    public async Task<CommandResult<Radering>> RaderaPaBegaranAsync(string epost, string? skal, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ArkivAccess.ArHr(user)) return new(CommandResult.NotFound, null);
        if (string.IsNullOrWhiteSpace(skal))
            return new(CommandResult.Refused("Ange skälet till raderingen, till exempel ”Begäran från den sökande 2027-03-01”."), null);
        var radering = await RaderaAsync(await HittaAsync(epost, ct), skal, user, ct);
        return radering is null
            ? new(CommandResult.Refused("Inget kunde raderas. Skälen står under Radering."), null)
            : new(CommandResult.Done("Raderingen är gjord."), radering);
    }

    /// <summary>After an erasure: what is left of the address now, logged as read.</summary>
    public Task<Sokresultat?> SokEfterRaderingAsync(string epost, ClaimsPrincipal user, CancellationToken ct = default) =>
        VisaAsync(epost, user, "Registerutdrag visat efter radering", ct);

    /// <summary>Ids, not the address: the log says whose records were read (the employee record, else the applications)
    /// without holding the address itself.</summary>
    private async Task LoggaAsync(Registerperson person, Registerutdrag utdrag, ClaimsPrincipal user, AuditAction action, string handelse, CancellationToken ct)
    {
        var ansokningar = await AnsokningsIdnAsync(person, ct);
        audit.Add(user, action, Granskningsobjekt.Registerutdrag, person.PersonIds.FirstOrDefault(),
            $"{handelse}: {(person.PersonIds.Count > 0 ? $"anställd {person.PersonIds[0]}" : "ingen anställd")}" +
            $"{(ansokningar.Count > 0 ? $", ansökningar {string.Join(", ", ansokningar.Take(20))}" : "")}, {SwedishText.Antal(utdrag.AntalPoster, "post", "poster")}");
        await db.SaveChangesAsync(ct);
    }

    // ---- A person's own extract (ArkivAccess.KanHamtaEgna) ----------------------------------------------------------------

    /// <summary>The signed-in person's own extract, including what only they may get; null without an account.</summary>
    public async Task<Registerutdrag?> MinaUppgifterAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        ArkivAccess.KanHamtaEgna(user) ? await SammanstallAsync(await MigSjalvAsync(user, ct), user.Namn(), Utdragsmottagare.Personen, ct) : null;

    /// <summary>The same as a ZIP file; the download is logged.</summary>
    public async Task<Utdragsfil?> HamtaMinaUppgifterAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await MinaUppgifterAsync(user, ct) is not { } utdrag) return null;
        audit.Add(user, AuditAction.LaddadeNed, Granskningsobjekt.Registerutdrag, user.PersonId() ?? 0, "Eget registerutdrag hämtat av personen själv");
        await db.SaveChangesAsync(ct);
        return new Utdragsfil(await ZipAsync(utdrag, ct), $"mina-uppgifter-{SwedishTime.ToLocal(db.UtcNow):yyyy-MM-dd}.zip", "application/zip");
    }

    // ---- Finding the person and what the portal holds -------------------------------------------------------------------

    private async Task<Registerperson> HittaAsync(string epost, CancellationToken ct)
    {
        var e = Normalisera(epost);
        var personIds = await db.Personer.Where(p => p.Epost.ToLower() == e).Select(p => p.Id).ToListAsync(ct);
        var kommun = db.CurrentKommunId;
        var userIds = await db.Users.Where(u => u.KommunId == kommun && u.NormalizedEmail == e.ToUpperInvariant()).Select(u => u.Id).ToListAsync(ct);
        return new(e, personIds, userIds);
    }

    /// <summary>The person's applications not yet gallrade, by id: what the audit entry of an extract names instead of the address.</summary>
    private Task<List<int>> AnsokningsIdnAsync(Registerperson p, CancellationToken ct) =>
        Ansokningar(p).OrderBy(k => k.Id).Select(k => k.Id).ToListAsync(ct);

    private IQueryable<Kandidat> Ansokningar(Registerperson p) => db.Set<Kandidat>().Include(k => k.Rekrytering)
        .Where(k => k.Epost.ToLower() == p.Epost && k.GallradUtc == null);

    /// <summary>The signed-in person's own records: found by their account and employee record, not by an address they type.</summary>
    private async Task<Registerperson> MigSjalvAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var epost = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "";
        var e = Normalisera(epost);
        var personIds = await db.Personer.Where(p => p.Epost.ToLower() == e || p.Id == user.PersonId()).Select(p => p.Id).ToListAsync(ct);
        return new(e, personIds, userId is null ? [] : [userId]);
    }

    private async Task<Registerutdrag> SammanstallAsync(Registerperson p, string skapatAv, Utdragsmottagare mottagare, CancellationToken ct)
    {
        var kandidater = await Ansokningar(p).Include(k => k.Bedomningar).Include(k => k.Referenser)
            .Include(k => k.Urvalssvar).ThenInclude(s => s.Fraga).Include(k => k.Anteckningar).Include(k => k.Taggar)
            .OrderBy(k => k.InkomUtc).ToListAsync(ct);
        var arenden = await db.Set<AvvecklingsArende>().Include(a => a.Atgarder).ThenInclude(x => x.Anteckningar)
            .Where(a => p.PersonIds.Contains(a.ChefPersonId) || (a.AnsvarigPersonId != null && p.PersonIds.Contains(a.AnsvarigPersonId.Value)))
            .OrderBy(a => a.Id).ToListAsync(ct);
        var egnaArenden = arenden.Where(a => p.PersonIds.Contains(a.ChefPersonId)).Select(a => a.Id).ToList();
        var kandidatIds = kandidater.Select(k => k.Id).ToList();

        var avsnitt = new List<Avsnitt>
        {
            await AnstalldAsync(p, ct), await KontonAsync(p, ct), await AnsokningarAsync(kandidater, ct),
            await IntroduktionerAsync(p, ct), await KontraktAsync(p, ct), await SjalvskattningarAsync(p, ct),
            await AktiviteterAsync(p, ct), Avveckling(arenden, p), await MejlAsync(p, mottagare, ct), await MotenAsync(p, ct),
            await GranskningAsync(p, kandidatIds, egnaArenden, ct),
        };
        foreach (var extra in bidrag) avsnitt.AddRange(await extra.AvsnittAsync(p, mottagare, ct));

        var docs = await db.Dokument.AsNoTracking()
            .Where(d => (d.OwnerType == KandidatDocumentAccess.Owner && kandidatIds.Contains(d.OwnerId))
                || (d.OwnerType == AvvecklingDocumentAccess.Owner && egnaArenden.Contains(d.OwnerId)))
            .OrderBy(d => d.Id).ToListAsync(ct);
        var kommun = db.CurrentKommunId!;
        return new Registerutdrag(p.Epost, policies.Find(kommun)?.Kommun ?? kommun, db.UtcNow, skapatAv,
            avsnitt.Where(a => a.Poster.Count > 0).ToList(),
            docs.Select(d => new UtdragsDokument(d.Id, $"{d.Id}-{d.DownloadName}", $"{SwedishText.Of(d.Kind)}, inlämnad {Tid(d.UploadedUtc)}")).ToList());
    }

    /// <summary>The summary, the JSON and the documents as one ZIP file.</summary>
    private async Task<byte[]> ZipAsync(Registerutdrag utdrag, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(zip, "sammanstallning.html", new MemoryStream(utdrag.Sammanstallning().ToBytes()), ct);
            await WriteAsync(zip, "uppgifter.json", new MemoryStream(utdrag.Json()), ct);
            var ids = utdrag.Dokument.Select(x => x.Id).ToList();
            var rows = await db.Dokument.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            foreach (var (doc, row) in utdrag.Dokument.Join(rows, x => x.Id, d => d.Id, (x, d) => (x, d)))
                if (await documents.OpenAsync(row, ct) is { } content) await WriteAsync(zip, $"dokument/{doc.Filnamn}", content, ct);
        }
        return buffer.ToArray();
    }

    private static async Task WriteAsync(ZipArchive zip, string name, Stream content, CancellationToken ct)
    {
        await using (content)
        await using (var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open())
            await content.CopyToAsync(entry, ct);
    }

    /// <summary>
    /// What the law allows to be erased on request. An application to a closed recruitment that is not on hold may go: the
    /// matter is settled. Everything else stays, and the reasons say why: a recruitment still running is an ongoing matter;
    /// a hold keeps the documents for a claim; the hired person's application and everything about an employee (the
    /// employee record, introductions, contracts, self-assessments, avveckling cases) are public records of the employment,
    /// kept and gallrade by the municipality's records plan (dokumenthanteringsplan), not on request.
    /// </summary>
    private async Task<Raderingsprovning> ProvaAsync(Registerperson p, CancellationToken ct)
    {
        var raderbara = new List<(int, string)>();
        var hinder = new List<string>();
        foreach (var k in await Ansokningar(p).AsNoTracking().OrderBy(k => k.InkomUtc).ToListAsync(ct))
        {
            var r = k.Rekrytering!;
            var vad = $"Ansökan till {r.Diarienummer} {r.Titel} (inkom {Tid(k.InkomUtc)})";
            if (k.State == KandidatTillstand.Anstalld)
                hinder.Add($"{vad} ledde till anställning och hör nu till personakten. Den raderas inte på begäran.");
            else if (r.ArOppen)
                hinder.Add($"{vad}: rekryteringen pågår, och ansökan är en allmän handling i ett pågående ärende. Den kan inte raderas nu. " +
                    $"Den sökande kan återta ansökan; uppgifterna gallras {gallring.Manader} månader efter beslutet.");
            else if (r.GallringsStopp)
                hinder.Add($"{vad}: rekryteringen har gallringsstopp, till exempel för att beslutet har överklagats eller anmälts. " +
                    "Handlingarna behövs tills det är avgjort.");
            else raderbara.Add((k.Id, vad));
        }
        if (p.PersonIds.Count > 0)
            hinder.Add("Uppgifterna om personen som anställd (personuppgifter, introduktion, uppdragskontrakt, självskattningar, " +
                "utvecklingsaktiviteter och eventuella ärenden) hör till anställningen. De är allmänna handlingar som bevaras och gallras " +
                "enligt kommunens dokumenthanteringsplan och raderas inte på begäran.");
        if (p.UserIds.Count > 0)
            hinder.Add("Inloggningskontot tas bort av administratören när det inte längre behövs för anställningen.");
        return new(raderbara, hinder);
    }

    /// <summary>Erases what <see cref="ProvaAsync"/> allows, with the record of the erasure; null when nothing may go.</summary>
    private async Task<Radering?> RaderaAsync(Registerperson p, string skal, ClaimsPrincipal user, CancellationToken ct)
    {
        var provning = await ProvaAsync(p, ct);
        if (provning.Raderbara.Count == 0) return null;
        var ids = provning.Raderbara.Select(r => r.KandidatId).ToList();
        var kandidater = await gallring.Gallringsbara().Where(k => ids.Contains(k.Id)).ToListAsync(ct);
        var radering = new Radering
        {
            KommunId = "", AtUtc = db.UtcNow, UserId = user.UserId(), UtfordAv = user.Namn(), Skal = skal.Trim(),
            Vad = Kort(string.Join("\n", provning.Raderbara.Select(r => r.Beskrivning)), 3000),
        };
        db.Add(radering);
        foreach (var k in kandidater) audit.Add(user, AuditAction.Raderade, Granskningsobjekt.Kandidat, k.Id, "Raderad på begäran av den sökande");
        var result = await gallring.GallraAsync(kandidater, ct); // saves the record with the erasure
        radering.Vad += $"\nRaderat: namn, e-post, telefon, svar på urvalsfrågor, {SwedishText.Antal(result.Dokument, "handling", "handlingar")}, {SwedishText.Antal(result.Referenser, "referens", "referenser")}, " +
            $"{SwedishText.Antal(result.Kommentarer, "kommentar", "kommentarer")} i intervjubedömningar, kallelser och e-post till den sökande.";
        audit.Add(user, AuditAction.Raderade, Granskningsobjekt.Registerutdrag, radering.Id, $"Radering på begäran: {SwedishText.Antal(kandidater.Count, "ansökan", "ansökningar")}");
        await db.SaveChangesAsync(ct);
        return radering;
    }

    private async Task<Avsnitt> AnstalldAsync(Registerperson p, CancellationToken ct)
    {
        var org = await Organisation.OrgChartQueries.LoadOrgChartAsync(db, ct);
        var people = await db.Personer.AsNoTracking().Where(x => p.PersonIds.Contains(x.Id)).ToListAsync(ct);
        return new("Anställd", "Uppgifter om dig som anställd i kommunen, och de enheter du är chef för.",
            people.Select(x => new Post(x.Namn, [
                new("Namn", x.Namn), new("E-post", x.Epost), new("Telefon", x.Telefon), new("Befattning", x.Titel),
                new("Enhet", x.EnhetId is int e ? org.PathOf(e) : null), new("Aktiv", x.Aktiv ? "Ja" : "Nej"),
                new("Chef för", string.Join(", ", org.UnitsLedBy(x.Id).Select(u => org.PathOf(u.Id))) is { Length: > 0 } led ? led : null),
            ])).ToList());
    }

    private async Task<Avsnitt> KontonAsync(Registerperson p, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => p.UserIds.Contains(u.Id)).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           where p.UserIds.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        return new("Inloggningskonto", "Kontot du loggar in med. Lösenordet lagras bara som ett kontrollvärde och kan inte läsas av någon.",
            users.Select(u => new Post(u.Email ?? u.UserName ?? "Konto", [
                new("Namn", u.Namn), new("E-post", u.Email), new("Användarnamn", u.UserName),
                new("Roller", string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Order())),
                new("Lösenord valt", u.PasswordHash is null ? "Nej" : "Ja"),
                new("Spärrat till", u.LockoutEnd is { } l && l.UtcDateTime > db.UtcNow ? Tid(l.UtcDateTime) : null),
            ])).ToList());
    }

    private async Task<Avsnitt> AnsokningarAsync(IReadOnlyList<Kandidat> kandidater, CancellationToken ct)
    {
        var ids = kandidater.Select(k => k.Id).ToList();
        var kompetensIds = kandidater.SelectMany(k => k.Bedomningar).Select(b => b.KompetensId).Distinct().ToList();
        var kompetenser = await db.Set<KravprofilKompetens>().AsNoTracking().Where(c => kompetensIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Omrade, ct);
        var historik = await HistorikAsync(ids, ct);
        return new("Ansökningar", "Dina ansökningar till chefstjänster, med intervjubedömningar, referenser och anteckningar om dig. Referensernas " +
            "kontaktuppgifter är deras egna personuppgifter och ingår inte.",
            kandidater.Select(k => new Post($"{k.Rekrytering!.Titel} ({k.Rekrytering.Diarienummer})", [
                new("Namn", k.Namn), new("E-post", k.Epost), new("Telefon", k.Telefon), new("Inkom", Tid(k.InkomUtc)),
                new("Läge", SwedishText.Of(k.State)), new("Besked meddelat", Tid(k.UtfallMeddelatUtc)),
                new("Information om personuppgifter", $"Version {k.SamtyckeVersion}, {Tid(k.SamtyckeUtc)}"), new("Startdatum", k.Startdatum?.ToString("yyyy-MM-dd")),
                new("Villkor i erbjudandet", k.Erbjudandevillkor),
                .. k.Urvalssvar.OrderBy(s => s.Fraga?.Ordning).Select(s => new Uppgift($"Urvalsfråga: {s.Fraga?.Text}",
                    s.Fraga?.Typ == UrvalsfragaTyp.Tal ? Urvalsfraga.Visa(s.Varde) : s.Varde)),
                .. k.Bedomningar.OrderBy(b => b.KompetensId).ThenBy(b => b.BedomareNamn).Select(b => new Uppgift(
                    $"Bedömning: {kompetenser.GetValueOrDefault(b.KompetensId, "kompetens")}",
                    $"{b.Poang} av 5 ({b.BedomareNamn}){(b.Kommentar is null ? "" : $": {b.Kommentar}")}")),
                .. k.Referenser.Select(r => new Uppgift($"Referens: {r.Namn}, {r.Relation}", r.Anteckningar)),
                // Notes about the applicant are their personal data (GDPR art. 15): in the extract, with author and time.
                .. k.Anteckningar.OrderBy(a => a.SkrivenUtc).Select(a => new Uppgift($"Anteckning: {a.ForfattareNamn}, {Tid(a.SkrivenUtc)}", a.Text)),
                new("Taggar", k.Taggar.Count == 0 ? null : string.Join(", ", k.Taggar.Select(t => t.Text).Order())),
                .. historik[k.Id],
            ])).ToList());
    }

    private async Task<Avsnitt> IntroduktionerAsync(Registerperson p, CancellationToken ct)
    {
        var intros = await db.Set<Introduktion>().AsNoTracking().Include(i => i.Punkter)
            .Where(i => p.PersonIds.Contains(i.ChefPersonId)).OrderBy(i => i.Id).ToListAsync(ct);
        return new("Introduktion som ny chef", "Din introduktion med checklistans punkter.",
            intros.Select(i => new Post($"{i.Befattning}, start {i.Startdatum:yyyy-MM-dd}", [
                new("Läge", SwedishText.Of(i.State)), new("Anställande chef", i.AnstallandeChefNamn),
                .. i.Punkter.OrderBy(x => x.Ordning).Select(x => new Uppgift(x.Rubrik,
                    (x.KlarUtc is { } klar ? $"Klar {Tid(klar)} ({x.KlarAv})" : $"Förfaller {x.Forfaller:yyyy-MM-dd}") + (x.Kommentar is null ? "" : $": {x.Kommentar}"))),
            ])).ToList());
    }

    private async Task<Avsnitt> KontraktAsync(Registerperson p, CancellationToken ct)
    {
        var versions = await db.Set<Uppdragskontrakt>().AsNoTracking().Include(k => k.Omprovningar)
            .Where(k => p.PersonIds.Contains(k.ChefPersonId)).OrderBy(k => k.Versionsnummer).ToListAsync(ct);
        return new("Uppdragskontrakt", "Varje version av ditt uppdragskontrakt med bekräftelser och omprövningar.",
            versions.Select(k => new Post($"Version {k.Versionsnummer}", [
                new("Läge", SwedishText.Of(k.State)), new("Uppdragsgivare", k.UppdragsgivareNamn), new("Ansvar", k.Ansvar),
                new("Åtaganden", k.Ataganden), new("Krav på resultat", k.Resultatkrav), new("Arbetsgivarens stöd", k.ForvantningarKommentar),
                new("Bekräftat av chefen", Tid(k.ChefBekraftadUtc)), new("Bekräftat av uppdragsgivaren", Tid(k.UppdragsgivareBekraftadUtc)),
                .. k.Omprovningar.OrderBy(o => o.Datum).Select(o => new Uppgift($"Omprövning {o.Datum:yyyy-MM-dd}", $"{SwedishText.Of(o.Utfall)}: {o.Anteckning}")),
            ])).ToList());
    }

    private async Task<Avsnitt> SjalvskattningarAsync(Registerperson p, CancellationToken ct)
    {
        var skattningar = await db.Set<Sjalvskattning>().AsNoTracking().Include(s => s.Rader)
            .Where(s => p.PersonIds.Contains(s.ChefPersonId)).OrderBy(s => s.Ar).ToListAsync(ct);
        return new("Självskattningar", "Dina årliga självskattningar mot ledarpolicyn och anteckningen från samtalet.",
            skattningar.Select(s => new Post($"Självskattning {s.Ar}", [
                new("Läge", SwedishText.Of(s.State)), new("Samtalet", s.SamtalKommentar),
                .. s.Ordnade.Select(r => new Uppgift(r.Text, (r.Betyg is { } b ? SwedishText.Of(b) : "Inte skattat") + (r.Kommentar is null ? "" : $": {r.Kommentar}"))),
            ])).ToList());
    }

    private async Task<Avsnitt> AktiviteterAsync(Registerperson p, CancellationToken ct)
    {
        var aktiviteter = await db.Set<Utvecklingsaktivitet>().AsNoTracking().Where(a => p.PersonIds.Contains(a.PersonId)).OrderBy(a => a.Datum).ToListAsync(ct);
        var vaxlingar = await db.Set<Kompetensvaxling>().AsNoTracking().Include(k => k.Punkter)
            .Where(k => p.PersonIds.Contains(k.PersonId)).OrderBy(k => k.Id).ToListAsync(ct);
        var vaxlingIds = vaxlingar.Select(k => k.Id).ToList();
        var samtal = await db.Set<Avgangssamtal>().AsNoTracking().Where(a => vaxlingIds.Contains(a.KompetensvaxlingId)).ToDictionaryAsync(a => a.KompetensvaxlingId, ct);
        return new("Ledarakademin", "Dina utvecklingsaktiviteter och, när du lämnar ett chefsuppdrag, överlämningen till din efterträdare och ditt avgångssamtal.", [
            .. aktiviteter.Select(a => new Post($"{SwedishText.Of(a.Typ)} {a.Datum:yyyy-MM-dd}", [new("Beskrivning", a.Beskrivning), new("Registrerad av", a.RegistreradAv)])),
            .. vaxlingar.Select(k => new Post($"Kompetensväxling, sista dag {k.SistaDag:yyyy-MM-dd}", [
                new("Anledning", k.Anledning), new("Startad av", k.StartadAv),
                .. k.Punkter.OrderBy(x => x.Ordning).Select(x => new Uppgift(x.Rubrik, x.KlarUtc is { } klar ? $"Klar {Tid(klar)}" : "Inte klar")),
                .. samtal.TryGetValue(k.Id, out var a) ? (Uppgift[])[
                    new("Avgångssamtal, skäl", SwedishText.Of(a.Orsak)),
                    new("Avgångssamtal, rekommenderar kommunen som arbetsgivare (1–5)", a.Rekommenderar.ToString()),
                    new("Avgångssamtal, stöd från närmaste chef (1–5)", a.StodFranChef.ToString()),
                    new("Avgångssamtal, ledarpolicyn i praktiken (1–5)", a.PolicynIPraktiken.ToString()),
                    new("Avgångssamtal, det här fungerade bra", a.Fungerade), new("Avgångssamtal, det här borde ändras", a.BorAndras),
                    new("Avgångssamtal, sparat", $"{Tid(a.BesvaratUtc)} av {a.BesvaratAv}"),
                ] : [],
            ])),
        ]);
    }

    /// <summary>A case about the person in full; a case where they are the responsible manager only as a reference:
    /// its content is the other manager's.</summary>
    private static Avsnitt Avveckling(IReadOnlyList<AvvecklingsArende> arenden, Registerperson p) =>
        new("Avveckling av chefskap", "Ärenden om ditt chefsuppdrag, och ärenden där du är ansvarig närmast högre chef (bara att de finns).",
            arenden.Select(a => p.PersonIds.Contains(a.ChefPersonId)
                ? new Post($"Ärende {a.Id} om ditt chefsuppdrag", [
                    new("Startat", Tid(a.SkapadUtc)), new("Initiering", SwedishText.Of(a.Initiering)), new("Ansvarig", a.AnsvarigNamn),
                    new("Bakgrund", a.Bakgrund), new("Läge", SwedishText.Of(a.State)), new("Utfall", a.Utfall is { } u ? SwedishText.Of(u) : null),
                    new("Utvärdering", a.Utvardering), new("Sista dag som chef", a.SistaDagSomChef?.ToString("yyyy-MM-dd")),
                    .. a.Atgarder.OrderBy(x => x.Datum).Select(x => new Uppgift($"Åtgärd {x.Datum:yyyy-MM-dd}",
                        $"{x.Beskrivning} (ansvarig {x.Ansvarig}){string.Concat(x.Anteckningar.Select(n => $"\n{Tid(n.SkrivenUtc)}, {n.Av}: {n.Text}"))}")),
                ])
                : new Post($"Ärende {a.Id}: du är ansvarig", [new("Startat", Tid(a.SkapadUtc)), new("Läge", SwedishText.Of(a.State))]))
            .ToList());

    /// <summary>Mail sent to the address. The thanks for a nomination says whom the person nominated: only to the person.</summary>
    private async Task<Avsnitt> MejlAsync(Registerperson p, Utdragsmottagare mottagare, CancellationToken ct)
    {
        var mails = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ToAddress.ToLower() == p.Epost)
            .Where(m => mottagare == Utdragsmottagare.Personen || !(m.Topic.StartsWith("AretsChef:") && m.Topic.EndsWith(":Nominering")))
            .OrderBy(m => m.CreatedUtc).Select(m => new { m.Subject, m.CreatedUtc, m.SentUtc, m.TextBody }).ToListAsync(ct);
        return new("E-post från portalen", "Meddelanden som portalen har skickat till din e-postadress.",
            mails.Select(m => new Post(m.Subject, [new("Skapat", Tid(m.CreatedUtc)), new("Skickat", Tid(m.SentUtc)), new("Text", m.TextBody)])).ToList());
    }

    private async Task<Avsnitt> MotenAsync(Registerperson p, CancellationToken ct)
    {
        // The organiser is no participant of his own meeting, but it is his data as much as theirs.
        var meetings = await db.Set<Mote>().AsNoTracking()
            .Where(m => m.Deltagare.Any(d => d.Epost.ToLower() == p.Epost) || m.ArrangorEpost.ToLower() == p.Epost)
            .OrderBy(m => m.StartUtc).ToListAsync(ct);
        return new("Möten", "Möten som du har kallats till eller har kallat andra till genom portalen.",
            meetings.Select(m => new Post(m.Rubrik, [new("Tid", Tid(m.StartUtc)), new("Plats", m.Plats), new("Status", m.Status == MoteStatus.Bokat ? "Bokat" : "Avbokat")])).ToList());
    }

    /// <summary>Who has read or changed the person's records: their applications, documents, cases and manager records.</summary>
    private async Task<Avsnitt> GranskningAsync(Registerperson p, List<int> kandidater, List<int> arenden, CancellationToken ct)
    {
        string[] chefObjekt = [Granskningsobjekt.Ledarakademin, Granskningsobjekt.Uppdragskontrakt, Granskningsobjekt.Sjalvskattning];
        var events = await db.Set<AuditEvent>().AsNoTracking()
            .Where(e => ((e.ObjectType == Granskningsobjekt.Kandidat || e.ObjectType == Granskningsobjekt.Kandidatdokument) && kandidater.Contains(e.ObjectId))
                || (e.ObjectType == Granskningsobjekt.Avveckling && arenden.Contains(e.ObjectId))
                || (chefObjekt.Contains(e.ObjectType) && p.PersonIds.Contains(e.ObjectId)))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        return new("Vem har tagit del av dina uppgifter", "Portalen loggar varje läsning och ändring av sekretesskyddade uppgifter.",
            events.Select(e => new Post($"{Tid(e.AtUtc)} {e.UserName}", [
                new("Händelse", SwedishText.Of(e.Action)), new("Vad", Granskningsobjekt.NamnPa(e.ObjectType)), new("Detalj", e.Detail),
            ])).ToList());
    }

    /// <summary>Each application's steps from the journal, as facts after its others.</summary>
    private async Task<ILookup<int, Uppgift>> HistorikAsync(List<int> kandidater, CancellationToken ct) =>
        (await db.WorkflowTransitions.AsNoTracking().Where(t => t.Workflow == "Kandidat" && kandidater.Contains(t.SubjectId)).OrderBy(t => t.Id)
            .Select(t => new { t.SubjectId, t.AtUtc, t.ToState }).ToListAsync(ct))
        .ToLookup(t => t.SubjectId, t => new Uppgift($"Steg {Tid(t.AtUtc)}", Enum.TryParse<KandidatTillstand>(t.ToState, out var s) ? SwedishText.Of(s) : t.ToState));

    private static string Kort(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string? Tid(DateTime? utc) => utc is { } u ? SwedishTime.ToLocal(u).ToString("yyyy-MM-dd HH:mm") : null;
}
