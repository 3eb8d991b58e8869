using System.Collections.Concurrent;
using System.Diagnostics;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Policies;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Notifications;

/// <summary>A checklist template HR words in the portal: its key in the address, its name, and when it is used.</summary>
public sealed record Listmall(string Nyckel, string Namn, string Anvands, string VemSer, string Hjalp = Listmall.Punkthjalp)
{
    public const string Punkthjalp = "En lista <code>punkter:</code> där varje punkt börjar med <code>- rubrik:</code>. Indragen (mellanslag) styr vad som hör till vilken punkt. Rader som börjar med # är kommentarer.";

    /// <summary>The key its versions are stored under. A mail's key is the name of its file in content/templates/mejl,
    /// which cannot hold a "/", so the two kinds never share a key.</summary>
    public string Lagrad => Listmallar.Prefix + Nyckel;
}

/// <summary>The checklist templates: the introduction, the knowledge transfer and the criteria of Årets chef. Version 1
/// of each is its YAML file in content/templates (the municipality's own where it has one).</summary>
public static class Listmallar
{
    public const string Prefix = "listor/";

    public static readonly Listmall Introduktion = new("introduktion", "Introduktion av ny chef",
        "Punkterna i en ny chefs introduktion, från den dag introduktionen skapas (en rekrytering tillsätts eller HR lägger upp den). Policyns avsnitt läggs alltid till.",
        "den nya chefen, anställande chef och HR");
    public static readonly Listmall Kompetensvaxling = new("kompetensvaxling", "Kompetensväxling",
        "Det en chef som slutar lämnar över till sin efterträdare, från nästa kompetensväxling som planeras.",
        "chefen som slutar och efterträdaren");
    public static readonly Listmall AretsChef = new("arets-chef-kriterier", "Kriterier för Årets chef",
        "Det den som nominerar motiverar. En kampanj får den version som gäller när nomineringen öppnar och behåller den.",
        "den som nominerar");

    public static readonly Listmall Intervjufragor = new(Rekryteringar.Intervjuformulering.Nyckel, "Intervjufrågor och bedömningsskala",
        "Hur kravprofilens krav blir intervjufrågor, följdfrågorna och bedömningsskalan. Nya kravprofiler får den nya formuleringen; frågor som redan står i en kravprofil ändras inte.",
        "intervjuarna",
        "Fraserna <code>egenskap:</code>, <code>kommunikation:</code> och <code>handling:</code> med fälten <code>{{ handling }}</code> (kravet som något kandidaten gör) och <code>{{ nar }}</code>, frasen <code>reserv:</code> utan fält, listan <code>foljdfragor:</code> och <code>skala:</code> med fem steg. Rader som börjar med # är kommentarer.");

    public static readonly IReadOnlyList<Listmall> Alla = [Introduktion, Kompetensvaxling, AretsChef, Intervjufragor];

    public static Listmall? Hitta(string? nyckel) => Alla.FirstOrDefault(m => m.Nyckel == nyckel);
}

/// <summary>
/// Which version of a checklist template a municipality uses, and its items, cached like <see cref="Mejlmallkalla"/>:
/// the current number asked of the database at most once every <see cref="Farskhet"/> per (kommun, mall) and forgotten
/// at once by a save in this instance; a version's items parsed once, since a version never changes. Version 1 (or a
/// stored text that no longer parses) is the file.
/// </summary>
public sealed class Listmallkalla(IntroduktionMallar introduktion, KompetensvaxlingMall kompetensvaxling, AretsChefKriterier aretsChef, PolicyLibrary policies,
    Rekryteringar.Intervjuformulering intervjufragor)
{
    public static readonly TimeSpan Farskhet = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Kommun, string Nyckel), (int Nummer, long Hamtad)> _aktuell = new();
    private readonly ConcurrentDictionary<(string Kommun, string Nyckel, int Nummer), object> _tolkade = new();

    /// <summary>The current version's number for the municipality: 1 where it has saved none.</summary>
    public async Task<int> AktuellAsync(AppDbContext db, string kommunId, Listmall mall, CancellationToken ct = default)
    {
        var nu = Stopwatch.GetTimestamp();
        if (_aktuell.TryGetValue((kommunId, mall.Nyckel), out var aktuell) && Stopwatch.GetElapsedTime(aktuell.Hamtad, nu) <= Farskhet) return aktuell.Nummer;
        var nummer = await db.Set<Mallversion>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.KommunId == kommunId && m.Nyckel == mall.Lagrad).MaxAsync(m => (int?)m.Nummer, ct) ?? 1;
        _aktuell[(kommunId, mall.Nyckel)] = (nummer, nu);
        return nummer;
    }

    /// <summary>The current version's number and items (<typeparamref name="T"/> is the template's item type).</summary>
    public async Task<(int Nummer, IReadOnlyList<T> Punkter)> HamtaAsync<T>(AppDbContext db, string kommunId, Listmall mall, CancellationToken ct = default)
    {
        var nummer = await AktuellAsync(db, kommunId, mall, ct);
        return (nummer, await VersionAsync<T>(db, kommunId, mall, nummer, ct));
    }

    /// <summary>The items of one version: the file for 1, else the stored text, parsed once.</summary>
    public async Task<IReadOnlyList<T>> VersionAsync<T>(AppDbContext db, string kommunId, Listmall mall, int nummer, CancellationToken ct = default) =>
        (IReadOnlyList<T>)await TolkadAsync(db, kommunId, mall, nummer, ct);

    /// <summary>One version as read: a list of items, or the template's own object (the interview wording).</summary>
    public async Task<object> TolkadAsync(AppDbContext db, string kommunId, Listmall mall, int nummer, CancellationToken ct = default)
    {
        if (nummer <= 1) return FilPunkter(mall, kommunId);
        if (_tolkade.TryGetValue((kommunId, mall.Nyckel, nummer), out var tolkad)) return tolkad;
        var text = await db.Set<Mallversion>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.KommunId == kommunId && m.Nyckel == mall.Lagrad && m.Nummer == nummer).Select(m => m.Innehall).FirstOrDefaultAsync(ct);
        // Checked when saved; should it be gone or no longer parse, the file serves.
        tolkad = text is not null && Granska(mall, text, kommunId, motPolicyn: false).Punkter is { } punkter ? punkter : FilPunkter(mall, kommunId);
        _tolkade[(kommunId, mall.Nyckel, nummer)] = tolkad;
        return tolkad;
    }

    /// <summary>A version was saved here: the next use asks the database which is current.</summary>
    public void Glom(string kommunId, Listmall mall) => _aktuell.TryRemove((kommunId, mall.Nyckel), out _);

    /// <summary>The file's text, version 1 as HR sees it.</summary>
    public string FilText(Listmall mall, string kommunId) => mall.Nyckel switch
    {
        "introduktion" => introduktion.FilText(kommunId),
        "kompetensvaxling" => kompetensvaxling.Text,
        Rekryteringar.Intervjuformulering.Nyckel => intervjufragor.Text,
        _ => aretsChef.FilText(kommunId),
    };

    private object FilPunkter(Listmall mall, string kommunId) => mall.Nyckel switch
    {
        "introduktion" => introduktion.For(kommunId),
        "kompetensvaxling" => kompetensvaxling.Punkter,
        Rekryteringar.Intervjuformulering.Nyckel => intervjufragor,
        _ => aretsChef.FilPunkter(kommunId),
    };

    /// <summary>A text checked as the template's file is: its items (a list of the template's item type), or the reasons,
    /// in Swedish, naming the line. The criteria of Årets chef are also checked against the municipality's current
    /// policy's values when <paramref name="motPolicyn"/>.</summary>
    public (object? Punkter, IReadOnlyList<string> Fel) Granska(Listmall mall, string? text, string kommunId, bool motPolicyn = true) => mall.Nyckel switch
    {
        "introduktion" => IntroduktionMallar.Granska(text),
        "kompetensvaxling" => KompetensvaxlingMall.Granska(text),
        Rekryteringar.Intervjuformulering.Nyckel => Rekryteringar.Intervjuformulering.Tolka(text ?? ""),
        _ => AretsChefKriterier.Granska(text, motPolicyn ? policies.Find(kommunId) : null),
    };
}
