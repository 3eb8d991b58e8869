using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Rekryteringar;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Policies;

public enum Postslag { Rekrytering, Uppdragskontrakt, Sjalvskattning, Introduktion, Kampanj }

/// <summary>A record still built on an older version that uses something the new version changed or removed.</summary>
public sealed record PaverkadPost(
    Postslag Slag, int Id, string Namn, string Lank, int Version,
    IReadOnlyList<string> Andrade, IReadOnlyList<string> Borttagna, string? KanInteFlyttas)
{
    public bool KanFlyttas => KanInteFlyttas is null;
}

public sealed record Paverkan(LeadershipPolicy Ny, IReadOnlyList<PaverkadPost> Paverkade, IReadOnlyList<PaverkadPost> Opaverkade);

/// <summary>
/// What a new version means for the records in progress: which open recruitments, contracts, self-assessments,
/// introductions and campaigns use requirements, sections or values it changed or removed, and moving them where that is
/// safe. Safe is: the record may still be edited (a profile before its advert, a contract or self-assessment not yet
/// confirmed or handed in, an introduction under way, a campaign not yet open) and nothing the person already answered
/// or confirmed is taken away. A fixed kravprofil moves as a new draft, so the recruiting manager fixes it again.
/// </summary>
public sealed class Policypaverkan(AppDbContext db, PolicyLibrary policies, Intervjuformuleringar formuleringar)
{
    private readonly Dictionary<(Guid, Guid), PolicyJamforelse> _jamforelser = [];

    public async Task<Paverkan> BeraknaAsync(LeadershipPolicy ny, CancellationToken ct = default)
    {
        var poster = new List<PaverkadPost>();
        poster.AddRange((await Rekryteringar(ny.VersionId, ct)).Select(r => Post(ny, r, Profil(r))).OfType<PaverkadPost>());
        poster.AddRange((await Kontrakt(ny.VersionId, ct)).Select(k => Post(ny, k)).OfType<PaverkadPost>());
        poster.AddRange((await Skattningar(ny.VersionId, ct)).Select(s => Post(ny, s)).OfType<PaverkadPost>());
        poster.AddRange((await Introduktioner(ny.VersionId, ct)).Select(i => Post(ny, i)).OfType<PaverkadPost>());
        poster.AddRange((await Kampanjer(ny.VersionId, ct)).Select(k => Post(ny, k)).OfType<PaverkadPost>());
        return new(ny, poster.Where(p => p.Andrade.Count + p.Borttagna.Count > 0).ToList(), poster.Where(p => p.Andrade.Count + p.Borttagna.Count == 0).ToList());
    }

    /// <summary>Moves every record of the impact that may be moved; the caller saves. The answer is how many moved.</summary>
    public async Task<int> FlyttaAsync(LeadershipPolicy ny, IReadOnlySet<(Postslag, int)> valda, CancellationToken ct = default)
    {
        var moved = 0;
        var formulering = await formuleringar.ForAsync(db, ny.Id, ct);
        foreach (var r in await Rekryteringar(ny.VersionId, ct))
            if (Valbar(valda, Postslag.Rekrytering, r.Id, Post(ny, r, Profil(r)))) { FlyttaProfil(r, ny, formulering); moved++; }
        foreach (var k in await Kontrakt(ny.VersionId, ct))
            if (Valbar(valda, Postslag.Uppdragskontrakt, k.Id, Post(ny, k))) { FlyttaKontrakt(k, ny); moved++; }
        foreach (var s in await Skattningar(ny.VersionId, ct))
            if (Valbar(valda, Postslag.Sjalvskattning, s.Id, Post(ny, s))) { FlyttaSkattning(s, ny); moved++; }
        foreach (var i in await Introduktioner(ny.VersionId, ct))
            if (Valbar(valda, Postslag.Introduktion, i.Id, Post(ny, i))) { FlyttaIntroduktion(i, Fore(i.KommunId, i.PolicyversionId), ny); moved++; }
        foreach (var k in await Kampanjer(ny.VersionId, ct))
            if (Valbar(valda, Postslag.Kampanj, k.Id, Post(ny, k))) { k.PolicyversionId = ny.VersionId; moved++; }
        return moved;
    }

    private static bool Valbar(IReadOnlySet<(Postslag, int)> valda, Postslag slag, int id, PaverkadPost? post) =>
        post is { KanFlyttas: true } && valda.Contains((slag, id));

    // Only records in progress that are not already on the new version are read, each type once, with what its
    // comparison needs.
    private Task<List<Rekrytering>> Rekryteringar(Guid ny, CancellationToken ct) => db.Set<Rekrytering>()
        .Include(r => r.Kravprofiler).ThenInclude(k => k.Kompetenser)
        .Where(r => Rekrytering.OppnaIFragor.Contains(r.State) && r.Kravprofiler.Any(k => k.PolicyversionId != ny)).ToListAsync(ct);

    private Task<List<Uppdragskontrakt>> Kontrakt(Guid ny, CancellationToken ct) => db.Set<Uppdragskontrakt>()
        .Include(k => k.Krav).Include(k => k.Chef)
        .Where(k => k.State != UppdragskontraktTillstand.Ersatt && k.PolicyversionId != ny).ToListAsync(ct);

    private Task<List<Sjalvskattning>> Skattningar(Guid ny, CancellationToken ct) => db.Set<Sjalvskattning>()
        .Include(s => s.Rader).Include(s => s.Chef)
        .Where(s => s.State != SjalvskattningTillstand.Diskuterad && s.PolicyversionId != ny).ToListAsync(ct);

    private Task<List<Introduktion>> Introduktioner(Guid ny, CancellationToken ct) => db.Set<Introduktion>()
        .Include(i => i.Punkter)
        .Where(i => i.State != IntroduktionTillstand.Genomford && i.State != IntroduktionTillstand.Avbruten && i.PolicyversionId != ny).ToListAsync(ct);

    private Task<List<Kampanj>> Kampanjer(Guid ny, CancellationToken ct) => db.Set<Kampanj>()
        .Where(k => (k.State == KampanjTillstand.Planerad || k.State == KampanjTillstand.NomineringOppen) && k.PolicyversionId != ny).ToListAsync(ct);

    private static Kravprofil? Profil(Rekrytering r) => r.Utkastprofil ?? r.GallandeKravprofil;

    /// <summary>The version a record names; a record from before versions were kept was built on the first.</summary>
    private LeadershipPolicy Fore(string kommunId, Guid? versionId) =>
        versionId is { } v && policies.Version(v) is { } p ? p : policies.Versioner(kommunId)[0];

    private PaverkadPost? Post(LeadershipPolicy ny, Rekrytering r, Kravprofil? profil)
    {
        if (profil is null || profil.PolicyversionId == ny.VersionId) return null;
        var fore = Fore(r.KommunId, profil.PolicyversionId);
        var (andrade, borttagna) = Krav(fore, ny, profil.Kompetenser.Select(k => k.PolicyKravId).OfType<string>());
        var hinder = !Rekrytering.ForeAnnonseringen.Contains(r.State) ? "Annonsen är publicerad; kravprofilen står kvar som den publicerades."
            : borttagna.Count > 0 ? "Kravprofilen använder krav som den nya versionen tar bort; den rekryterande chefen väljer om." : null;
        return new(Postslag.Rekrytering, r.Id, $"{r.Titel} ({r.Diarienummer})", $"/rekrytering/{r.Id}/kravprofil", fore.Versionsnummer, andrade, borttagna, hinder);
    }

    private PaverkadPost? Post(LeadershipPolicy ny, Uppdragskontrakt k)
    {
        if (k.PolicyversionId == ny.VersionId) return null;
        var fore = Fore(k.KommunId, k.PolicyversionId);
        var (andrade, borttagna) = Krav(fore, ny, k.Krav.Select(x => x.KravId));
        var hinder = k.State != UppdragskontraktTillstand.Utkast ? "Kontraktet är bekräftat; nästa revidering bygger på den nya versionen."
            : borttagna.Count > 0 ? "Kontraktet använder krav som den nya versionen tar bort; parterna väljer om." : null;
        return new(Postslag.Uppdragskontrakt, k.Id, $"Uppdragskontrakt version {k.Versionsnummer}, {k.Chef?.Namn}", $"/uppdragskontrakt/{k.ChefPersonId}",
            fore.Versionsnummer, andrade, borttagna, hinder);
    }

    private PaverkadPost? Post(LeadershipPolicy ny, Sjalvskattning s)
    {
        if (s.PolicyversionId == ny.VersionId) return null;
        var fore = Fore(s.KommunId, s.PolicyversionId);
        var (andrade, borttagna) = Krav(fore, ny, s.Rader.Select(x => x.KravId));
        var tillagda = ny.AllaKrav.Count(k => fore.FindKrav(k.Id) is null);
        if (tillagda > 0) andrade = [.. andrade, $"{tillagda} nya krav att skatta"];
        var besvarade = s.Rader.Where(r => r.Betyg is not null).Select(r => r.KravId).ToHashSet();
        var hinder = s.State != SjalvskattningTillstand.Utkast ? "Självskattningen är inlämnad; nästa års bygger på den nya versionen."
            : fore.AllaKrav.Any(k => besvarade.Contains(k.Id) && ny.FindKrav(k.Id) is null) ? "Chefen har redan skattat krav som den nya versionen tar bort." : null;
        return new(Postslag.Sjalvskattning, s.Id, $"Självskattning {s.Ar}, {s.Chef?.Namn}", $"/sjalvskattning/{s.ChefPersonId}/{s.Ar}",
            fore.Versionsnummer, andrade, borttagna, hinder);
    }

    private PaverkadPost? Post(LeadershipPolicy ny, Introduktion i)
    {
        if (i.PolicyversionId == ny.VersionId) return null;
        var fore = Fore(i.KommunId, i.PolicyversionId);
        var efter = ny.Avsnitt.ToDictionary(a => a.Id);
        var lasta = i.Punkter.Where(p => p.PolicyAvsnittId is not null).ToList();
        var andrade = lasta.Where(p => efter.TryGetValue(p.PolicyAvsnittId!, out var a) && fore.Avsnitt.FirstOrDefault(x => x.Id == a.Id)?.Markdown != a.Markdown)
            .Select(p => efter[p.PolicyAvsnittId!].Rubrik).ToList();
        var borttagna = lasta.Where(p => !efter.ContainsKey(p.PolicyAvsnittId!)).Select(p => p.Rubrik).ToList();
        var nya = ny.Avsnitt.Count(a => lasta.All(p => p.PolicyAvsnittId != a.Id));
        if (nya > 0) andrade.Add($"{nya} nya avsnitt att läsa");
        var hinder = lasta.Any(p => p.KlarUtc is not null && !efter.ContainsKey(p.PolicyAvsnittId!))
            ? "Chefen har redan bekräftat avsnitt som den nya versionen tar bort." : null;
        return new(Postslag.Introduktion, i.Id, $"Introduktion: {i.ChefNamn}", $"/introduktion/{i.Id}", fore.Versionsnummer, andrade, borttagna, hinder);
    }

    private PaverkadPost? Post(LeadershipPolicy ny, Kampanj k)
    {
        if (k.PolicyversionId == ny.VersionId) return null;
        var fore = Fore(k.KommunId, k.PolicyversionId);
        var efter = ny.Varderingar.ToDictionary(v => v.Namn);
        var andrade = fore.Varderingar.Where(v => efter.TryGetValue(v.Namn, out var n) && n.Beskrivning != v.Beskrivning).Select(v => v.Namn)
            .Concat(ny.Varderingar.Where(v => fore.Varderingar.All(f => f.Namn != v.Namn)).Select(v => $"ny värdering: {v.Namn}")).ToList();
        var borttagna = fore.Varderingar.Where(v => !efter.ContainsKey(v.Namn)).Select(v => v.Namn).ToList();
        var hinder = k.State != KampanjTillstand.Planerad ? "Nomineringen är öppen; kampanjen behåller sina kriterier till sitt slut." : null;
        return new(Postslag.Kampanj, k.Id, $"Årets chef {k.Ar}", $"/arets-chef/kampanjer", fore.Versionsnummer, andrade, borttagna, hinder);
    }

    /// <summary>Of the requirements a record uses: those the new version changed (as they now read), and those it removed.
    /// One comparison per older version, however many records were built on it.</summary>
    private (IReadOnlyList<string> Andrade, IReadOnlyList<string> Borttagna) Krav(LeadershipPolicy fore, LeadershipPolicy ny, IEnumerable<string> anvanda)
    {
        if (!_jamforelser.TryGetValue((fore.VersionId, ny.VersionId), out var j)) _jamforelser[(fore.VersionId, ny.VersionId)] = j = PolicyJamforelse.Jamfor(fore, ny);
        var ids = anvanda.ToHashSet();
        return (j.KravAndrade.Where(k => ids.Contains(k.Id)).Select(k => k.Efter.Text).ToList(),
            j.KravBorttagna.Where(k => ids.Contains(k.Id)).Select(k => k.Text).ToList());
    }

    private void FlyttaProfil(Rekrytering r, LeadershipPolicy ny, Intervjuformulering formulering)
    {
        // A fixed profile is not rewritten: its next version is a draft built on the new policy.
        var profil = r.Utkastprofil;
        if (profil is null)
        {
            var gallande = r.GallandeKravprofil!;
            profil = new Kravprofil
            {
                KommunId = r.KommunId, Version = gallande.Version + 1,
                Kompetenser = gallande.Kompetenser.Select(k => new KravprofilKompetens
                {
                    KommunId = k.KommunId, PolicyKravId = k.PolicyKravId, Omrade = k.Omrade, Text = k.Text, Vikt = k.Vikt,
                    Intervjufraga = k.Intervjufraga, Ordning = k.Ordning,
                }).ToList(),
            };
            r.Kravprofiler.Add(profil);
        }
        foreach (var k in profil.Kompetenser)
            if (k.PolicyKravId is { } id && ny.FindKrav(id) is { } nytt)
            {
                // A question the portal worded follows the new wording of the requirement; one the manager wrote stays.
                if (k.Intervjufraga == Intervjufragor.For(k.Text, formulering)) k.Intervjufraga = Intervjufragor.For(nytt.Text, formulering);
                (k.Omrade, k.Text) = (nytt.AreaNamn, nytt.Text);
            }
        profil.PolicyversionId = ny.VersionId;
        db.Entry(r).State = EntityState.Modified; // a new version of the recruitment, so an open form sees the change
    }

    private static void FlyttaKontrakt(Uppdragskontrakt k, LeadershipPolicy ny)
    {
        var forandrat = false;
        foreach (var x in k.Krav)
            if (ny.FindKrav(x.KravId) is { } nytt && (x.Text != nytt.Text || x.Omrade != nytt.AreaNamn))
                (x.Omrade, x.Text, forandrat) = (nytt.AreaNamn, nytt.Text, true);
        if (!k.Forvantningar.SequenceEqual(ny.ForvantningarPaArbetsgivaren))
            (k.Forvantningar, forandrat) = (ny.ForvantningarPaArbetsgivaren.ToList(), true);
        // Both sides confirm the text as it now reads.
        if (forandrat) k.ClearConfirmations();
        k.PolicyversionId = ny.VersionId;
    }

    private void FlyttaSkattning(Sjalvskattning s, LeadershipPolicy ny)
    {
        foreach (var rad in s.Rader.ToList())
        {
            if (ny.FindKrav(rad.KravId) is { } nytt) (rad.OmradeId, rad.Omrade, rad.Text) = (nytt.AreaId, nytt.AreaNamn, nytt.Text);
            else s.Rader.Remove(rad); // unrated, or the move would not be safe
        }
        var ordning = 0;
        foreach (var k in ny.AllaKrav)
        {
            if (s.Rader.FirstOrDefault(r => r.KravId == k.Id) is { } rad) rad.Ordning = ordning++;
            else s.Rader.Add(new SjalvskattningRad { KommunId = s.KommunId, KravId = k.Id, OmradeId = k.AreaId, Omrade = k.AreaNamn, Text = k.Text, Ordning = ordning++ });
        }
        s.PolicyversionId = ny.VersionId;
    }

    private void FlyttaIntroduktion(Introduktion i, LeadershipPolicy fore, LeadershipPolicy ny)
    {
        var lasta = i.Punkter.Where(p => p.Typ == PunktTyp.Policyavsnitt).ToList();
        var forfaller = lasta.Where(p => p.KlarUtc is null).Select(p => (DateOnly?)p.Forfaller).Min() ?? lasta.Select(p => (DateOnly?)p.Forfaller).Max();
        foreach (var p in lasta.Where(p => ny.Avsnitt.All(a => a.Id != p.PolicyAvsnittId))) i.Punkter.Remove(p);
        var ordning = i.Punkter.Select(p => p.Ordning).DefaultIfEmpty(-1).Max() + 1;
        foreach (var a in ny.Avsnitt)
        {
            var rubrik = $"Läs {ny.Titel}: {a.Rubrik}";
            if (lasta.FirstOrDefault(p => p.PolicyAvsnittId == a.Id) is { } p)
            {
                p.Rubrik = rubrik;
                // A section that now reads differently is read again.
                if (fore.Avsnitt.FirstOrDefault(x => x.Id == a.Id)?.Markdown != a.Markdown) (p.KlarUtc, p.KlarAv) = (null, null);
            }
            else i.Punkter.Add(new IntroduktionPunkt
            {
                KommunId = i.KommunId, Typ = PunktTyp.Policyavsnitt, Rubrik = rubrik, Agare = PunktAgare.NyChef,
                Forfaller = forfaller ?? DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(db.UtcNow)).AddDays(14),
                PolicyAvsnittId = a.Id, Ordning = ordning++,
            });
        }
        i.PolicyversionId = ny.VersionId;
    }
}
