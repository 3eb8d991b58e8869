using System.Globalization;
using System.Security.Claims;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Notifications;

/// <summary>
/// HR's checklist templates, the same way as its mail texts (<see cref="MallService"/>): the list, one template with its
/// text and history, a new version (checked as the file is, when saved; nothing is stored when anything is wrong), a
/// restore, and a preview of the list as the person who gets it sees it. Every command checks <see cref="MallAccess"/>
/// and works inside the user's municipality (the query filter and the stamp on save).
/// </summary>
public sealed class ListmallService(AppDbContext db, Listmallkalla kalla, PolicyLibrary policies)
{
    public sealed record ListmallRad(Listmall Mall, int Nummer, DateTime? AndradUtc, string? AndradAv);
    public sealed record Historikrad(int Nummer, DateTime? SkapadUtc, string SkapadAv, int? AterstallerNummer, string Text);
    public sealed record ListmallVy(Listmall Mall, int Nummer, string Aktuell, IReadOnlyList<Historikrad> Historik);
    public sealed record NyListversion(string? Innehall, int BaseradPa);
    /// <summary>One item as its reader sees it; Vem and Nar only where the template has them.</summary>
    public sealed record Forhandsrad(string Rubrik, string? Beskrivning, string? Typ, string? Vem, string? Nar, bool Obligatorisk);
    public sealed record Forhandsvisning(string Inledning, IReadOnlyList<Forhandsrad> Rader, string? Tillagg, bool MedObligatorisk = true);

    public async Task<IReadOnlyList<ListmallRad>?> ListaAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user)) return null;
        var nycklar = Listmallar.Alla.Select(m => m.Lagrad).ToList();
        var senaste = await db.Set<Mallversion>().AsNoTracking().Where(m => nycklar.Contains(m.Nyckel))
            .GroupBy(m => m.Nyckel).Select(g => g.OrderByDescending(m => m.Nummer).Select(m => new { m.Nyckel, m.Nummer, m.SkapadUtc, m.SkapadAvNamn }).First())
            .ToListAsync(ct);
        return Listmallar.Alla.Select(m => senaste.FirstOrDefault(s => s.Nyckel == m.Lagrad) is { } s
                ? new ListmallRad(m, s.Nummer, s.SkapadUtc, s.SkapadAvNamn)
                : new ListmallRad(m, 1, null, null))
            .ToList();
    }

    public async Task<ListmallVy?> VisaAsync(string nyckel, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user) || Listmallar.Hitta(nyckel) is not { } mall) return null;
        var rader = await db.Set<Mallversion>().AsNoTracking().Where(m => m.Nyckel == mall.Lagrad).OrderByDescending(m => m.Nummer).ToListAsync(ct);
        var historik = rader.Select(r => new Historikrad(r.Nummer, r.SkapadUtc, r.SkapadAvNamn, r.AterstallerNummer, r.Innehall))
            .Append(new Historikrad(1, null, "Portalens standardmall", null, kalla.FilText(mall, user.KommunId()!)))
            .ToList();
        return new ListmallVy(mall, historik[0].Nummer, historik[0].Text, historik);
    }

    /// <summary>A new version, based on the one the form was opened with: if another has been saved since, it is refused
    /// rather than silently overwriting that one.</summary>
    public async Task<CommandResult> SparaAsync(string nyckel, NyListversion ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user)) return CommandResult.Forbidden;
        if (Listmallar.Hitta(nyckel) is not { } mall) return CommandResult.NotFound;
        var text = (ny.Innehall ?? "").Replace("\r\n", "\n");
        var (punkter, fel) = kalla.Granska(mall, text, user.KommunId()!);
        if (punkter is null) return CommandResult.Refused(fel);
        return await LaggTillAsync(mall, text, ny.BaseradPa, null, user, $"Version {{0}} av {mall.Namn.ToLower(CultureInfo.GetCultureInfo("sv-SE"))} är sparad och används från och med nu.", ct);
    }

    /// <summary>An older version back in use, as a new version: history is never rewritten.</summary>
    public async Task<CommandResult> AterstallAsync(string nyckel, int nummer, int baseradPa, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MallAccess.KanAndra(user)) return CommandResult.Forbidden;
        if (Listmallar.Hitta(nyckel) is not { } mall) return CommandResult.NotFound;
        var text = nummer == 1 ? kalla.FilText(mall, user.KommunId()!)
            : await db.Set<Mallversion>().AsNoTracking().Where(m => m.Nyckel == mall.Lagrad && m.Nummer == nummer).Select(m => m.Innehall).FirstOrDefaultAsync(ct);
        if (text is null) return CommandResult.Refused($"Version {nummer} finns inte.");
        var (punkter, fel) = kalla.Granska(mall, text, user.KommunId()!);
        if (punkter is null) return CommandResult.Refused(fel);
        return await LaggTillAsync(mall, text, baseradPa, nummer, user, $"Version {nummer} är återställd som version {{0}}.", ct);
    }

    private async Task<CommandResult> LaggTillAsync(Listmall mall, string text, int baseradPa, int? aterstaller, ClaimsPrincipal user, string klart, CancellationToken ct)
    {
        var svar = await Mallversioner.SparaNastaAsync(db, mall.Lagrad, baseradPa, new Mallversion { Innehall = text, AterstallerNummer = aterstaller }, user, klart, ct);
        if (svar.Succeeded) kalla.Glom(user.KommunId()!, mall);
        return svar;
    }

    /// <summary>The text as typed, shown as the list its reader gets; refused with the same reasons a save would give.</summary>
    public CommandResult<Forhandsvisning> Forhandsgranska(string nyckel, NyListversion text, ClaimsPrincipal user)
    {
        if (!MallAccess.KanAndra(user)) return new(CommandResult.Forbidden, null);
        if (Listmallar.Hitta(nyckel) is not { } mall) return new(CommandResult.NotFound, null);
        var kommunId = user.KommunId()!;
        var (punkter, fel) = kalla.Granska(mall, (text.Innehall ?? "").Replace("\r\n", "\n"), kommunId);
        if (punkter is null) return new(CommandResult.Refused(fel), null);
        var policy = policies.Find(kommunId);
        var visning = punkter switch
        {
            List<IntroduktionMallar.MallPunkt> intro => new Forhandsvisning(
                "Så ser introduktionens checklista ut för en ny chef som börjar i dag; dagarna räknas från startdagen.",
                intro.Select(p => new Forhandsrad(p.Rubrik.Trim(), p.Beskrivning?.Trim(), SwedishText.Of(p.Typ), SwedishText.Of(p.Agare), Nar(p.Dagar), p.Obligatorisk)).ToList(),
                policy is null ? null : $"Därefter en punkt per avsnitt i {policy.Titel} ({policy.Avsnitt.Count} st.), som den nya chefen läser inom 14 dagar."),
            List<KompetensvaxlingMall.MallPunkt> kv => new Forhandsvisning(
                "Så ser kompetensväxlingens checklista ut för chefen som slutar och efterträdaren.",
                kv.Select(p => new Forhandsrad(p.Rubrik.Trim(), p.Beskrivning?.Trim(), null, null, null, true)).ToList(), null),
            List<AretsChefKriterier.MallPunkt> ac => new Forhandsvisning(
                "Så ser nomineringsformuläret ut för den som nominerar, med kommunens policy i dag.",
                (policy is null ? ac.Where(p => !p.Varderingar).Select(p => new Kriterium(p.Id!.Trim(), p.Rubrik.Trim(), p.Beskrivning?.Trim(), p.Obligatorisk))
                        : AretsChefKriterier.Kriterier(ac, policy))
                    .Select(k => new Forhandsrad(k.Rubrik, k.Beskrivning, null, null, null, k.Obligatorisk)).ToList(), null),
            // The questions the municipality's own requirements would get, as a recruiting manager sees them in a new kravprofil.
            Rekryteringar.Intervjuformulering f => new Forhandsvisning(
                policy is null ? "Så formuleras frågorna." : $"Så blir de första kraven i {policy.Titel} frågor i en ny kravprofil.",
                (policy?.AllaKrav.Take(8) ?? []).Select(k => new Forhandsrad(Rekryteringar.Intervjufragor.For(k.Text, f), $"Krav: {k.Text}", null, null, null, true)).ToList(),
                $"Följdfrågor efter varje svar: {(f.Foljdfragor.Count == 0 ? "inga" : string.Join(" ", f.Foljdfragor))} Skala: {string.Join("; ", f.Skala.Select(s => $"{s.Poang} {s.Text}"))}.",
                MedObligatorisk: false),
            _ => throw new InvalidOperationException("Okänd listmall."),
        };
        return new(CommandResult.Done(), visning);
    }

    private static string Nar(int dagar) => dagar switch
    {
        0 => "Startdagen",
        < 0 => $"{-dagar} {(dagar == -1 ? "dag" : "dagar")} före start",
        _ => $"Dag {dagar} efter start",
    };
}
