using ChefsRekrytering.Notifications.Mallar;
using System.Collections.Concurrent;
using System.Diagnostics;
using ChefsRekrytering.Data;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Notifications;

/// <summary>Version 1 of every mail: the files in content/templates/mejl, and the shipped refusal reasons in
/// content/templates/avslag (beside it), read and checked when the portal starts, so a broken file stops the start with
/// its name rather than a mail.</summary>
public sealed class Mejlfiler
{
    private readonly Dictionary<string, (Mejltext Text, TolkadMejlmall Mall)> _filer = [];
    private readonly List<(string Nyckel, string Namn)> _avslag = [];

    /// <summary>The shipped refusal reasons in file order: key and the name the recruiting side sees.</summary>
    public IReadOnlyList<(string Nyckel, string Namn)> Avslag => _avslag;

    public Mejlfiler(string folder, string? avslagFolder = null)
    {
        avslagFolder ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!, "avslag");
        if (Directory.Exists(avslagFolder))
            foreach (var path in Directory.GetFiles(avslagFolder, "*.liquid").Order(StringComparer.Ordinal))
            {
                var innehall = File.ReadAllText(path);
                var namn = Avslagsfil.Namn(innehall) ?? throw new InvalidOperationException($"Avslagsskälet {path} saknar raden \"namn:\".");
                var nyckel = Avslagsfil.Nyckel(Path.GetFileNameWithoutExtension(path));
                var text = Mejltext.FranFil(innehall);
                var (tolkad, fel) = Mejlmotor.GranskaAsync(Mejlmallar.Avslag(nyckel), text).GetAwaiter().GetResult();
                if (tolkad is null) throw new InvalidOperationException($"Avslagsskälet {path} duger inte: {string.Join(" ", fel)}");
                _filer[nyckel] = (text, tolkad);
                _avslag.Add((nyckel, namn));
            }
        foreach (var mall in Mejlmallar.Alla)
        {
            var path = Path.Combine(folder, mall.Nyckel + ".liquid");
            if (!File.Exists(path)) throw new InvalidOperationException($"Mejlmallen {path} saknas.");
            var text = Mejltext.FranFil(File.ReadAllText(path));
            var (tolkad, fel) = Mejlmotor.GranskaAsync(mall, text).GetAwaiter().GetResult();
            if (tolkad is null) throw new InvalidOperationException($"Mejlmallen {path} duger inte: {string.Join(" ", fel)}");
            _filer[mall.Nyckel] = (text, tolkad);
        }
    }

    // A reason HR added has no file: its version 1 is the portal's general "ej aktuell" text.
    public Mejltext Text(string nyckel) => _filer.TryGetValue(nyckel, out var f) ? f.Text : _filer[Besked.NyckelFor(Besked.Slag.EjAktuell)].Text;
    public TolkadMejlmall Mall(string nyckel) => _filer.TryGetValue(nyckel, out var f) ? f.Mall : _filer[Besked.NyckelFor(Besked.Slag.EjAktuell)].Mall;
}

/// <summary>The file form of a shipped refusal reason: a mail file with a line "namn: …" first; "2-battre-matchning.liquid"
/// is the reason "avslag-battre-matchning", the number giving its place in the list.</summary>
public static class Avslagsfil
{
    private static readonly System.Text.RegularExpressions.Regex NamnRad = new(@"^\s*namn\s*:(.*)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Multiline);

    public static string? Namn(string fil) => NamnRad.Match(fil.Replace("\r\n", "\n")) is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    public static string Nyckel(string filnamn) => Mejlmallar.AvslagsPrefix + System.Text.RegularExpressions.Regex.Replace(filnamn, @"^\d+-", "");
}

/// <summary>
/// Which version of a template a municipality sends, and the parsed template, cached. Parsed templates are kept per
/// (kommun, nyckel, nummer): a version never changes, so it is parsed once. Which number is current is asked of the
/// database at most once every <see cref="Farskhet"/> per (kommun, nyckel) — a campaign of 50,000 invitations makes a
/// handful of reads, not 50,000 — and a save in this instance forgets it at once; another instance behind the load
/// balancer sends the new text within those seconds.
/// </summary>
public sealed class Mejlmallkalla(Mejlfiler filer)
{
    public static readonly TimeSpan Farskhet = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Kommun, string Nyckel), (int Nummer, long Hamtad)> _aktuell = new();
    private readonly ConcurrentDictionary<(string Kommun, string Nyckel, int Nummer), TolkadMejlmall> _tolkade = new();

    public Mejlfiler Filer => filer;

    /// <summary>The current version's number and parsed template for the municipality (the file where it has saved none).</summary>
    public async Task<(int Nummer, TolkadMejlmall Mall)> HamtaAsync(AppDbContext db, string? kommunId, string nyckel, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(kommunId)) return (1, filer.Mall(nyckel));
        var nu = Stopwatch.GetTimestamp();
        if (!_aktuell.TryGetValue((kommunId, nyckel), out var aktuell) || Stopwatch.GetElapsedTime(aktuell.Hamtad, nu) > Farskhet)
        {
            var nummer = await db.Set<Mallversion>().IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.KommunId == kommunId && m.Nyckel == nyckel)
                .MaxAsync(m => (int?)m.Nummer, ct) ?? 1;
            aktuell = (nummer, nu);
            _aktuell[(kommunId, nyckel)] = aktuell;
        }
        if (aktuell.Nummer <= 1) return (1, filer.Mall(nyckel));
        if (_tolkade.TryGetValue((kommunId, nyckel, aktuell.Nummer), out var tolkad)) return (aktuell.Nummer, tolkad);

        var rad = await db.Set<Mallversion>().IgnoreQueryFilters().AsNoTracking()
            .FirstAsync(m => m.KommunId == kommunId && m.Nyckel == nyckel && m.Nummer == aktuell.Nummer, ct);
        var (mall, _) = Mejlmotor.Tolka(new Mejltext(rad.Amne ?? "", rad.Rubrik ?? "", rad.Innehall));
        tolkad = mall ?? filer.Mall(nyckel); // it was checked when saved; should it no longer parse, the file serves
        _tolkade[(kommunId, nyckel, aktuell.Nummer)] = tolkad;
        return (aktuell.Nummer, tolkad);
    }

    /// <summary>A version was saved here: the next mail asks the database which is current.</summary>
    public void Glom(string kommunId, string nyckel) => _aktuell.TryRemove((kommunId, nyckel), out _);
}
