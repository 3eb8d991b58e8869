using System.Collections.Concurrent;
using System.Diagnostics;
using ChefsRekrytering.Data;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Notifications;

/// <summary>Version 1 of every mail: the files in content/templates/mejl, read and checked when the portal starts, so a
/// broken file stops the start with its name rather than a mail.</summary>
public sealed class Mejlfiler
{
    private readonly Dictionary<string, (Mejltext Text, TolkadMejlmall Mall)> _filer = [];

    public Mejlfiler(string folder)
    {
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

    public Mejltext Text(string nyckel) => _filer[nyckel].Text;
    public TolkadMejlmall Mall(string nyckel) => _filer[nyckel].Mall;
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
