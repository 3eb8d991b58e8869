using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Notifications;

/// <summary>
/// A refusal reason of the municipality beyond the shipped ones, or a shipped one it has retired. The reason's name and
/// mail are its <see cref="Mallversion"/>s under <see cref="Nyckel"/> (version 1 is the shipped file in
/// content/templates/avslag, or for a reason HR added, the portal's general "ej aktuell" text); this row says only that
/// the reason exists here and whether it is still offered. A retired reason keeps its history and its past uses.
/// </summary>
public sealed class Avslagsskal : IKommunEntity, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string KommunId { get; set; } = "";
    public string Nyckel { get; set; } = "";
    public DateTime SkapadUtc { get; set; }
    /// <summary>Set when HR retires the reason: no longer offered to the recruiting side.</summary>
    public DateTime? PensioneradUtc { get; set; }
    public string? PensioneradAvNamn { get; set; }
    public Guid Version { get; set; }
}

public sealed class AvslagsskalConfiguration : IEntityTypeConfiguration<Avslagsskal>
{
    public void Configure(EntityTypeBuilder<Avslagsskal> b)
    {
        b.Property(a => a.KommunId).HasMaxLength(40);
        b.Property(a => a.Nyckel).HasMaxLength(100);
        b.Property(a => a.PensioneradAvNamn).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.KommunId, a.Nyckel }).IsUnique();
    }
}

/// <summary>
/// The municipality's refusal reasons: each a short name the recruiting side picks when an applicant does not go on, and
/// the mail that applicant then gets. HR (and Admin) word them under <see cref="MallAccess"/>, like the other mails: a new
/// version is checked by <see cref="Mejlmotor"/> when saved, two saves from the same version collide, history is kept.
/// </summary>
public sealed class AvslagService(AppDbContext db, Mejlmallkalla kalla, MallService mallar)
{
    public const int MaxNamnLangd = 200;

    public sealed record Avslagsval(string Nyckel, string Namn);
    public sealed record AvslagRad(string Nyckel, string Namn, int Nummer, bool Aktivt, DateTime? AndradUtc, string? AndradAv);
    public sealed record Historikrad(int Nummer, DateTime? SkapadUtc, string SkapadAv, string Namn, Mejltext Text);
    public sealed record AvslagVy(string Nyckel, string Namn, bool Aktivt, int Nummer, Mejltext Aktuell, IReadOnlyList<Historikrad> Historik);
    public sealed record NyttAvslag(string? Namn, string? Amne, string? Rubrik, string? Innehall, int BaseradPa = 1);

    // ---- Queries ----

    /// <summary>Where a new reason's mail starts: the portal's general "ej aktuell" text.</summary>
    public Mejltext Standardtext => kalla.Filer.Text(Besked.NyckelFor(Besked.Slag.EjAktuell));

    /// <summary>The fields a reason's mail may read (those of "Besked – ej aktuell").</summary>
    public static IReadOnlyList<Mejlfalt> Falt => Mejlmallar.Avslag(Mejlmallar.AvslagsPrefix).Falt;

    /// <summary>Every reason of the municipality, shipped first in file order, then those HR added, with the current name and version.</summary>
    private async Task<List<AvslagRad>> AllaAsync(CancellationToken ct)
    {
        var rader = await db.Set<Avslagsskal>().AsNoTracking().OrderBy(a => a.SkapadUtc).ToListAsync(ct);
        var senaste = await db.Set<Mallversion>().AsNoTracking().Where(m => m.Nyckel.StartsWith(Mejlmallar.AvslagsPrefix))
            .GroupBy(m => m.Nyckel).Select(g => g.OrderByDescending(m => m.Nummer).Select(m => new { m.Nyckel, m.Nummer, m.Namn, m.SkapadUtc, m.SkapadAvNamn }).First())
            .ToListAsync(ct);
        var nycklar = kalla.Filer.Avslag.Select(f => (f.Nyckel, (string?)f.Namn))
            .Concat(rader.Where(r => kalla.Filer.Avslag.All(f => f.Nyckel != r.Nyckel)).Select(r => (r.Nyckel, (string?)null)));
        return nycklar.Select(n =>
        {
            var s = senaste.FirstOrDefault(x => x.Nyckel == n.Nyckel);
            var aktivt = rader.FirstOrDefault(r => r.Nyckel == n.Item1)?.PensioneradUtc is null;
            return new AvslagRad(n.Nyckel, s?.Namn ?? n.Item2 ?? n.Nyckel, s?.Nummer ?? 1, aktivt, s?.SkapadUtc, s?.SkapadAvNamn);
        }).ToList();
    }

    /// <summary>The reasons for HR's list; null for anyone else.</summary>
    public async Task<IReadOnlyList<AvslagRad>?> ListaAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        MallAccess.KanAndra(user) ? await AllaAsync(ct) : null;

    /// <summary>The reasons offered to the recruiting side of the current municipality (whose page already checked who may act).</summary>
    public async Task<IReadOnlyList<Avslagsval>> AktivaAsync(CancellationToken ct = default) =>
        (await AllaAsync(ct)).Where(a => a.Aktivt).Select(a => new Avslagsval(a.Nyckel, a.Namn)).ToList();

    /// <summary>One reason with its name and mail now and every earlier version; null when it does not exist or the user may not word it.</summary>
    public async Task<AvslagVy?> VisaAsync(string nyckel, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user) || (await AllaAsync(ct)).FirstOrDefault(a => a.Nyckel == nyckel) is not { } rad) return null;
        var versioner = await db.Set<Mallversion>().AsNoTracking().Where(m => m.Nyckel == nyckel).OrderByDescending(m => m.Nummer).ToListAsync(ct);
        var filnamn = kalla.Filer.Avslag.FirstOrDefault(f => f.Nyckel == nyckel).Namn;
        var historik = versioner
            .Select(v => new Historikrad(v.Nummer, v.SkapadUtc, v.SkapadAvNamn, v.Namn ?? filnamn ?? rad.Namn, new Mejltext(v.Amne ?? "", v.Rubrik ?? "", v.Innehall)))
            .Append(new Historikrad(1, null, "Portalens standardtext", filnamn ?? "(portalens allmänna text för ej aktuell)", kalla.Filer.Text(nyckel)))
            .ToList();
        return new AvslagVy(nyckel, rad.Namn, rad.Aktivt, historik[0].Nummer, historik[0].Text, historik);
    }

    // ---- Commands ----

    /// <summary>A new version of the reason's name and mail, based on the version the form was opened with; checked as a
    /// whole, nothing stored when anything is wrong.</summary>
    public async Task<CommandResult> SparaAsync(string nyckel, NyttAvslag ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user)) return CommandResult.Forbidden;
        var alla = await AllaAsync(ct);
        if (alla.FirstOrDefault(a => a.Nyckel == nyckel) is not { } rad) return CommandResult.NotFound;
        var (namn, text, fel) = await GranskaAsync(nyckel, ny, alla.Where(a => a.Nyckel != nyckel));
        if (fel.Count > 0) return CommandResult.Refused(fel);
        return await LaggTillVersionAsync(nyckel, namn, text, ny.BaseradPa, user, $"Version {{0}} av skälet {namn} är sparad och används i nästa besked.", ct);
    }

    /// <summary>A reason of the municipality's own: its first saved version is 2, version 1 being the portal's general text.</summary>
    public async Task<CommandResult> LaggTillAsync(NyttAvslag ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user)) return CommandResult.Forbidden;
        var nyckel = Mejlmallar.AvslagsPrefix + Guid.NewGuid().ToString("N")[..12];
        var (namn, text, fel) = await GranskaAsync(nyckel, ny, await AllaAsync(ct));
        if (fel.Count > 0) return CommandResult.Refused(fel);
        db.Add(new Avslagsskal { KommunId = user.KommunId()!, Nyckel = nyckel, SkapadUtc = db.UtcNow, Version = Guid.NewGuid() });
        return await LaggTillVersionAsync(nyckel, namn, text, 1, user, $"Skälet {namn} är tillagt och kan väljas när en sökande markeras som ej aktuell.", ct);
    }

    /// <summary>The reason is no longer offered; its history and the applicants who got it keep it.</summary>
    public Task<CommandResult> PensioneraAsync(string nyckel, ClaimsPrincipal user, CancellationToken ct = default) =>
        AndraAktivtAsync(nyckel, false, user, ct);

    /// <summary>A retired reason offered again.</summary>
    public Task<CommandResult> AteraktiveraAsync(string nyckel, ClaimsPrincipal user, CancellationToken ct = default) =>
        AndraAktivtAsync(nyckel, true, user, ct);

    private async Task<CommandResult> AndraAktivtAsync(string nyckel, bool aktivt, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MallAccess.KanAndra(user)) return CommandResult.Forbidden;
        var alla = await AllaAsync(ct);
        if (alla.FirstOrDefault(a => a.Nyckel == nyckel) is not { } rad) return CommandResult.NotFound;
        if (rad.Aktivt == aktivt) return CommandResult.Done(aktivt ? $"Skälet {rad.Namn} erbjuds redan." : $"Skälet {rad.Namn} är redan borttaget ur listan.");
        if (aktivt && alla.Any(a => a.Aktivt && string.Equals(a.Namn, rad.Namn, StringComparison.OrdinalIgnoreCase)))
            return CommandResult.Refused($"Det finns redan ett skäl med namnet {rad.Namn}. Byt namn på ett av dem först.");
        var skal = await db.Set<Avslagsskal>().FirstOrDefaultAsync(a => a.Nyckel == nyckel, ct);
        if (skal is null) // a shipped reason retired here for the first time
            db.Add(skal = new Avslagsskal { KommunId = user.KommunId()!, Nyckel = nyckel, SkapadUtc = db.UtcNow, Version = Guid.NewGuid() });
        (skal.PensioneradUtc, skal.PensioneradAvNamn) = aktivt ? ((DateTime?)null, (string?)null) : (db.UtcNow, user.Namn());
        skal.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Conflict(MallService.AndradAvNagonAnnan);
        }
        return CommandResult.Done(aktivt
            ? $"Skälet {rad.Namn} kan väljas igen."
            : $"Skälet {rad.Namn} erbjuds inte längre. Sökande som redan har fått det behåller det, och historiken finns kvar.");
    }

    /// <summary>The text as typed, rendered on the latest application where HR has one (as the other mails are previewed).</summary>
    public async Task<CommandResult<MallService.Forhandsvisning>> ForhandsgranskaAsync(NyttAvslag text, ClaimsPrincipal user, CancellationToken ct = default) =>
        await mallar.ForhandsgranskaAsync(Besked.NyckelFor(Besked.Slag.EjAktuell), new MallService.NyVersion(text.Amne, text.Rubrik, text.Innehall, text.BaseradPa), user, ct);

    // ---- Plumbing ----

    private static async Task<(string Namn, Mejltext Text, List<string> Fel)> GranskaAsync(string nyckel, NyttAvslag ny, IEnumerable<AvslagRad> andra)
    {
        var fel = new List<string>();
        var namn = ny.Namn?.Trim() ?? "";
        if (namn.Length == 0) fel.Add("Skriv skälets namn, som rekryterande sida ser när de väljer det.");
        else if (namn.Length > MaxNamnLangd) fel.Add($"Skälets namn får vara högst {MaxNamnLangd} tecken.");
        else if (andra.Any(a => a.Aktivt && string.Equals(a.Namn, namn, StringComparison.OrdinalIgnoreCase)))
            fel.Add($"Det finns redan ett skäl med namnet {namn}.");
        var text = new Mejltext(ny.Amne?.Trim() ?? "", ny.Rubrik?.Trim() ?? "", (ny.Innehall ?? "").Replace("\r\n", "\n"));
        var (mall, mejlfel) = await Mejlmotor.GranskaAsync(Mejlmallar.Avslag(nyckel), text);
        if (mall is null) fel.AddRange(mejlfel);
        return (namn, text, fel);
    }

    private async Task<CommandResult> LaggTillVersionAsync(string nyckel, string namn, Mejltext text, int baseradPa, ClaimsPrincipal user, string klart, CancellationToken ct)
    {
        var rad = new Mallversion { Namn = namn, Amne = text.Amne, Rubrik = text.Rubrik, Innehall = text.Innehall };
        var svar = await Mallversioner.SparaNastaAsync(db, nyckel, baseradPa, rad, user, klart, ct);
        if (svar.Succeeded) kalla.Glom(user.KommunId()!, nyckel);
        return svar;
    }
}
