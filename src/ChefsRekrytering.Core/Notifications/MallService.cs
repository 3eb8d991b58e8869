using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Notifications;

/// <summary>Who words the municipality's mails: its HR and its Admin, nobody else (deny by default).</summary>
public static class MallAccess
{
    public static bool KanAndra(ClaimsPrincipal user) =>
        user.KommunId() is { Length: > 0 } && (user.IsInRole(Roller.HR) || user.IsInRole(Roller.Admin));
}

/// <summary>
/// HR's mail texts: the list, one template with its fields and history, a new version (checked here, when saved, never
/// when a mail is sent), a restore, and a preview on the municipality's own data. Every command checks
/// <see cref="MallAccess"/> and works inside the user's municipality (the query filter and the stamp on save).
/// </summary>
public sealed class MallService(AppDbContext db, Mejlmallkalla kalla, PolicyLibrary policies, Granskning.AuditLog audit)
{
    public const string AndradAvNagonAnnan = Mallversioner.AndradAvNagonAnnan;

    public sealed record MallRad(string Nyckel, string Namn, string NarSkickas, int Nummer, DateTime? AndradUtc, string? AndradAv);
    public sealed record Historikrad(int Nummer, DateTime? SkapadUtc, string SkapadAv, int? AterstallerNummer, Mejltext Text);
    public sealed record MallVy(Mejlmall Katalog, int Nummer, Mejltext Aktuell, IReadOnlyList<Historikrad> Historik);
    public sealed record NyVersion(string? Amne, string? Rubrik, string? Innehall, int BaseradPa);
    public sealed record Forhandsvisning(string Amne, string Rubrik, string Html, string Underlag);

    public async Task<IReadOnlyList<MallRad>?> ListaAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user)) return null;
        var senaste = await db.Set<Mallversion>().AsNoTracking()
            .GroupBy(m => m.Nyckel).Select(g => g.OrderByDescending(m => m.Nummer).Select(m => new { m.Nyckel, m.Nummer, m.SkapadUtc, m.SkapadAvNamn }).First())
            .ToListAsync(ct);
        return Mejlmallar.Alla.Select(m => senaste.FirstOrDefault(s => s.Nyckel == m.Nyckel) is { } s
                ? new MallRad(m.Nyckel, m.Namn, m.NarSkickas, s.Nummer, s.SkapadUtc, s.SkapadAvNamn)
                : new MallRad(m.Nyckel, m.Namn, m.NarSkickas, 1, null, null))
            .ToList();
    }

    public async Task<MallVy?> VisaAsync(string nyckel, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user) || Mejlmallar.Hitta(nyckel) is not { } katalog) return null;
        var rader = await db.Set<Mallversion>().AsNoTracking().Where(m => m.Nyckel == nyckel).OrderByDescending(m => m.Nummer).ToListAsync(ct);
        var historik = rader.Select(r => new Historikrad(r.Nummer, r.SkapadUtc, r.SkapadAvNamn, r.AterstallerNummer, new Mejltext(r.Amne ?? "", r.Rubrik ?? "", r.Innehall)))
            .Append(new Historikrad(1, null, "Portalens standardtext", null, kalla.Filer.Text(nyckel)))
            .ToList();
        return new MallVy(katalog, historik[0].Nummer, historik[0].Text, historik);
    }

    /// <summary>A new version, based on the one the form was opened with: if another has been saved since, it is refused
    /// rather than silently overwriting that one. Checked as a whole; nothing is stored when anything is wrong.</summary>
    public async Task<CommandResult> SparaAsync(string nyckel, NyVersion ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user)) return CommandResult.Forbidden;
        if (Mejlmallar.Hitta(nyckel) is not { } katalog) return CommandResult.NotFound;
        var text = new Mejltext(ny.Amne?.Trim() ?? "", ny.Rubrik?.Trim() ?? "", (ny.Innehall ?? "").Replace("\r\n", "\n"));
        var (mall, fel) = await Mejlmotor.GranskaAsync(katalog, text);
        if (mall is null) return CommandResult.Refused(fel);
        return await LaggTillAsync(katalog, text, ny.BaseradPa, null, user, $"Version {{0}} av mallen {katalog.Namn} är sparad och används i nästa mejl.", ct);
    }

    /// <summary>An older version back in use, as a new version: history is never rewritten.</summary>
    public async Task<CommandResult> AterstallAsync(string nyckel, int nummer, int baseradPa, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user)) return CommandResult.Forbidden;
        if (Mejlmallar.Hitta(nyckel) is not { } katalog) return CommandResult.NotFound;
        Mejltext? text = nummer == 1 ? kalla.Filer.Text(nyckel)
            : await db.Set<Mallversion>().AsNoTracking().Where(m => m.Nyckel == nyckel && m.Nummer == nummer)
                .Select(m => new Mejltext(m.Amne ?? "", m.Rubrik ?? "", m.Innehall)).FirstOrDefaultAsync(ct);
        if (text is null) return CommandResult.Refused($"Version {nummer} finns inte.");
        var (mall, fel) = await Mejlmotor.GranskaAsync(katalog, text);
        if (mall is null) return CommandResult.Refused(fel);
        return await LaggTillAsync(katalog, text, baseradPa, nummer, user, $"Version {nummer} är återställd som version {{0}}.", ct);
    }

    private async Task<CommandResult> LaggTillAsync(Mejlmall katalog, Mejltext text, int baseradPa, int? aterstaller, ClaimsPrincipal user, string klart,
        CancellationToken ct)
    {
        var rad = new Mallversion { Amne = text.Amne, Rubrik = text.Rubrik, Innehall = text.Innehall, AterstallerNummer = aterstaller };
        var svar = await Mallversioner.SparaNastaAsync(db, katalog.Nyckel, baseradPa, rad, user, klart, ct);
        if (svar.Succeeded) kalla.Glom(user.KommunId()!, katalog.Nyckel);
        return svar;
    }

    /// <summary>The text as typed, rendered on the municipality's latest matching record where there is one (e.g. the latest
    /// applicant), otherwise on the catalogue's sample; refused with the same reasons a save would give.</summary>
    public async Task<CommandResult<Forhandsvisning>> ForhandsgranskaAsync(string nyckel, NyVersion text, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user)) return new(CommandResult.Forbidden, null);
        if (Mejlmallar.Hitta(nyckel) is not { } katalog) return new(CommandResult.NotFound, null);
        var (mall, fel) = await Mejlmotor.GranskaAsync(katalog, new Mejltext(text.Amne?.Trim() ?? "", text.Rubrik?.Trim() ?? "", (text.Innehall ?? "").Replace("\r\n", "\n")));
        if (mall is null) return new(CommandResult.Refused(fel), null);
        // Real data for HR, who sees every recruitment's applicants anyway (the read is logged like any other); Admin, who
        // does not, previews on the sample.
        var verkligt = user.IsInRole(Roller.HR) ? await VerkligtAsync(katalog, user, ct) : null;
        var (model, underlag) = verkligt ?? (katalog.Exempel[0], "exempeldata");
        var ut = await Mejlmotor.RenderaAsync(mall, katalog, model, "Ämnet portalen föreslår");
        return new(CommandResult.Done(), new Forhandsvisning(ut.Amne, ut.Rubrik, ut.Html, underlag));
    }

    /// <summary>The municipality's most recent record the mail would be about, where the mail is about an applicant.</summary>
    private async Task<(object Model, string Underlag)?> VerkligtAsync(Mejlmall katalog, ClaimsPrincipal user, CancellationToken ct)
    {
        if (katalog.Modell != typeof(Besked.Innehall) && katalog.Modell != typeof(AnsokanMottagen.Innehall) && katalog.Modell != typeof(Erbjudande.Innehall))
            return null;
        var k = await db.Set<Kandidat>().AsNoTracking().Include(x => x.Rekrytering).Where(x => x.GallradUtc == null)
            .OrderByDescending(x => x.InkomUtc).FirstOrDefaultAsync(ct);
        if (k?.Rekrytering is not { } r) return null;
        var kommun = policies.Find(user.KommunId()!)?.Kommun;
        audit.Add(user, Granskning.AuditAction.Last, Granskning.Granskningsobjekt.Kandidat, k.Id, $"Förhandsvisning av mejlmallen {katalog.Namn}");
        await db.SaveChangesAsync(ct);
        object model = katalog.Modell == typeof(Besked.Innehall)
            ? new Besked.Innehall(k.Namn, r.Titel, r.Diarienummer, kommun, ((Besked.Innehall)katalog.Exempel[0]).Typ,
                UpplevelseLank: "https://portal.example/ansokan/lank-visas-inte-i-forhandsvisningen#upplevelse")
            : katalog.Modell == typeof(Erbjudande.Innehall)
                ? new Erbjudande.Innehall(k.Namn, r.Titel, r.Diarienummer, kommun, k.Startdatum ?? DateOnly.FromDateTime(db.UtcNow).AddMonths(3), k.Erbjudandevillkor, r.AgareNamn)
                : new AnsokanMottagen.Innehall(k.Namn, r.Titel, r.Diarienummer, kommun ?? "", k.InkomUtc, r.SistaAnsokningsdag ?? DateOnly.FromDateTime(k.InkomUtc),
                    [], "https://portal.example/ansokan/lank-visas-inte-i-forhandsvisningen");
        return (model, $"den senaste ansökan ({k.Namn}, {r.Titel})");
    }
}
