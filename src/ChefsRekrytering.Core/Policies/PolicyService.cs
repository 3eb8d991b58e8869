using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Policies;

/// <summary>Who may write the municipality's policy: its HR and Admin. Everyone may read what is published.</summary>
public static class PolicyAccess
{
    public static bool KanForvalta(ClaimsPrincipal user, string kommunId) =>
        user.KommunId() == kommunId && (user.IsInRole(Roller.HR) || user.IsInRole(Roller.Admin));
}

/// <summary>The decision that adopts a version, and from when it applies.</summary>
public sealed record Policybeslut(
    [Display(Name = "beslutande organ")] string? AntagenAv,
    [property: Display(Name = "beslutsdatum")] DateOnly? AntagenDatum,
    [Display(Name = "paragraf")] string? Paragraf,
    [Display(Name = "diarienummer")] string? Diarienummer,
    [property: Display(Name = "gäller från")] DateOnly? GiltigFran,
    [Display(Name = "vad som ändras"), DataType(DataType.MultilineText)] string? Andringar);

public sealed record Utkastvy(int Nummer, Guid Version, DateTime SkapadUtc, string SkapadAv, PolicyUtkast Innehall);

public sealed record Policyhistorik(LeadershipPolicy Gallande, IReadOnlyList<LeadershipPolicy> Versioner, Utkastvy? Utkast, bool KanForvalta);

/// <summary>
/// The policy's versions: HR starts a draft from the version in force (or from the adopted Word document), edits it,
/// and publishes it with its decision; a published version never changes. Records keep the version they were built on,
/// and after a publication HR sees and moves what the new version affects (<see cref="Policypaverkan"/>).
/// </summary>
public sealed class PolicyService(AppDbContext db, PolicyLibrary policies, PolicyLaddare laddare, Policypaverkan paverkan, AuditLog audit)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public const string Objekt = "Ledarpolicy";
    /// <summary>The source of a version written in the portal's editor.</summary>
    public const string Skriven = "Skriven i portalens redigerare";

    /// <summary>The published versions for anyone; the open draft too for HR and Admin of the municipality.</summary>
    public async Task<Policyhistorik?> HistorikAsync(string kommunId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (policies.Find(kommunId) is not { } gallande) return null;
        var far = PolicyAccess.KanForvalta(user, kommunId);
        return new(gallande, policies.Versioner(kommunId), far ? await UtkastvyAsync(kommunId, ct) : null, far);
    }

    public async Task<Utkastvy?> UtkastAsync(string kommunId, ClaimsPrincipal user, CancellationToken ct = default) =>
        PolicyAccess.KanForvalta(user, kommunId) ? await UtkastvyAsync(kommunId, ct) : null;

    /// <summary>Opens the next version as a draft: a copy of the version in force, or the Word document read into its
    /// structure. One draft at a time, so two people do not write two next versions.</summary>
    public async Task<CommandResult> NyttUtkastAsync(string kommunId, ClaimsPrincipal user, PolicyUtkast? fran = null, CancellationToken ct = default)
    {
        if (!PolicyAccess.KanForvalta(user, kommunId)) return CommandResult.NotFound;
        if (await Utkastrad(kommunId).AnyAsync(ct)) return CommandResult.Refused("Det finns redan ett utkast till nästa version. Arbeta vidare i det eller ta bort det först.");
        var utkast = fran ?? PolicyUtkast.FranPolicy(policies.Get(kommunId));
        // The decision belongs to the new version: a copy starts without it; a Word document may state it.
        if (fran is null)
        {
            (utkast.AntagenAv, utkast.AntagenDatum, utkast.Paragraf, utkast.Diarienummer) = (null, null, null, null);
            utkast.Kalla = Skriven; // not the seed file version 1 was transcribed from
        }
        // No id any earlier version used is given to a new requirement.
        utkast.AnvandaIds = [.. utkast.AnvandaIds.Union(AllaIds(kommunId))];
        var nummer = await db.Set<Policyversion>().Where(p => p.KommunId == kommunId).MaxAsync(p => (int?)p.Nummer, ct) ?? 0;
        var rad = new Policyversion
        {
            Id = Guid.NewGuid(), KommunId = kommunId, Nummer = nummer + 1, Status = Policystatus.Utkast,
            Utkast = JsonSerializer.Serialize(utkast, Json), SkapadUtc = db.UtcNow, SkapadAv = user.Namn(),
        };
        db.Add(rad);
        audit.Add(user, AuditAction.Skapade, Objekt, rad.Nummer, $"Utkast till version {rad.Nummer}");
        // Two people starting a draft at once: the unique (kommun, nummer) refuses the second.
        return await VersionedCommands.SaveIfUnchangedAsync(db, null, Guid.Empty, ct)
            ? CommandResult.Done($"Utkastet till version {rad.Nummer} är skapat.")
            : VersionedCommands.Conflict();
    }

    /// <summary>
    /// A draft read from the adopted Word document. A requirement or area worded as in the version in force keeps its id,
    /// so the records that use it are not taken as changed; everything else gets a new id.
    /// </summary>
    public async Task<CommandResult> NyttUtkastFranWordAsync(string kommunId, Stream dokument, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!PolicyAccess.KanForvalta(user, kommunId)) return CommandResult.NotFound;
        var gallande = policies.Get(kommunId);
        var last = PolicyDocx.Las(dokument, gallande.Kommun);
        if (last.Utkast is not { } utkast) return CommandResult.Refused(last.Fel);
        var omraden = gallande.Kompetensomraden.ToDictionary(a => Jamforbar(a.Namn), a => a.Id);
        var krav = gallande.AllaKrav.GroupBy(k => Jamforbar(k.Text)).ToDictionary(g => g.Key, g => g.First().Id);
        // The rest get ids of their own after every id the policy has used, never one of its requirements' old ids.
        foreach (var a in utkast.Kompetensomraden)
        {
            a.Id = omraden.GetValueOrDefault(Jamforbar(a.Namn)) ?? "";
            foreach (var k in a.Krav) k.Id = krav.GetValueOrDefault(Jamforbar(k.Text)) ?? "";
        }
        utkast.AnvandaIds = [.. AllaIds(kommunId)];
        utkast.TilldelaIds();
        var result = await NyttUtkastAsync(kommunId, user, utkast, ct);
        return result.Succeeded && last.Varningar.Count > 0 ? CommandResult.Done($"{result.Message} {string.Join(" ", last.Varningar)}") : result;
    }

    private IEnumerable<string> AllaIds(string kommunId) => policies.Versioner(kommunId)
        .SelectMany(v => v.AllaKrav.Select(k => k.Id).Concat(v.Kompetensomraden.Select(a => a.Id))).Distinct();

    /// <summary>The comparison's own notion of the same wording (<see cref="PolicyJamforelse.Normalisera"/>), case aside.</summary>
    private static string Jamforbar(string text) => PolicyJamforelse.Normalisera(text).ToLowerInvariant();

    /// <summary>Every published version of a municipality, oldest first.</summary>
    public IReadOnlyList<LeadershipPolicy> Versioner(string kommunId) => policies.Versioner(kommunId);

    /// <summary>Saves the draft as edited; blank rows are dropped. The draft need not be complete until it is published.</summary>
    public async Task<CommandResult> SparaUtkastAsync(string kommunId, Guid version, PolicyUtkast utkast, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!PolicyAccess.KanForvalta(user, kommunId)) return CommandResult.NotFound;
        if (await Utkastrad(kommunId).FirstOrDefaultAsync(ct) is not { } rad) return CommandResult.Refused("Utkastet finns inte längre; det kan ha publicerats eller tagits bort.");
        if (rad.Version != version) return VersionedCommands.Conflict();
        Skriv(rad, utkast);
        return await db.CommitAsync(rad, version, "Utkastet är sparat.", ct);
    }

    /// <summary>The form's draft into the row. What the form does not edit (the municipality's name, the source, the ids
    /// once given, a decision read from Word) comes from the stored draft, whatever the form sent.</summary>
    private static PolicyUtkast Skriv(Policyversion rad, PolicyUtkast utkast)
    {
        var sparat = Las(rad);
        Rensa(utkast);
        (utkast.Kommun, utkast.Kalla, utkast.AnvandaIds) = (sparat.Kommun, sparat.Kalla, sparat.AnvandaIds);
        (utkast.AntagenAv, utkast.AntagenDatum, utkast.Paragraf, utkast.Diarienummer) = (sparat.AntagenAv, sparat.AntagenDatum, sparat.Paragraf, sparat.Diarienummer);
        utkast.TilldelaIds();
        rad.Utkast = JsonSerializer.Serialize(utkast, Json);
        return utkast;
    }

    public async Task<CommandResult> TaBortUtkastAsync(string kommunId, Guid version, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!PolicyAccess.KanForvalta(user, kommunId)) return CommandResult.NotFound;
        if (await Utkastrad(kommunId).FirstOrDefaultAsync(ct) is not { } rad) return CommandResult.Done("Utkastet är borttaget.");
        if (rad.Version != version) return VersionedCommands.Conflict();
        db.Remove(rad);
        audit.Add(user, AuditAction.Raderade, Objekt, rad.Nummer, $"Utkast till version {rad.Nummer}");
        return await db.CommitAsync(rad, version, "Utkastet är borttaget.", ct);
    }

    /// <summary>
    /// Adopts the draft: with its decision it must read as a complete policy (the same rules as the files), and from then
    /// on it never changes. The answer's value is the new version's number, for the page to show its impact.
    /// </summary>
    /// <remarks>With <paramref name="andrat"/>, the draft as the form shows it is what is published (and nothing is kept
    /// when it is refused, while the form keeps what was typed).</remarks>
    public async Task<CommandResult<int>> PubliceraAsync(string kommunId, Guid version, PolicyUtkast? andrat, Policybeslut beslut, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (!PolicyAccess.KanForvalta(user, kommunId)) return new(CommandResult.NotFound, 0);
        if (await Utkastrad(kommunId).FirstOrDefaultAsync(ct) is not { } rad) return new(CommandResult.Refused("Utkastet finns inte längre; det kan redan ha publicerats."), 0);
        if (rad.Version != version) return new(VersionedCommands.Conflict(), 0);
        var utkast = andrat is null ? Las(rad) : Skriv(rad, andrat);
        (utkast.AntagenAv, utkast.AntagenDatum, utkast.Paragraf, utkast.Diarienummer) =
            (beslut.AntagenAv?.Trim(), beslut.AntagenDatum, beslut.Paragraf?.Trim(), beslut.Diarienummer?.Trim());
        var fel = new List<string>();
        if (string.IsNullOrWhiteSpace(beslut.AntagenAv)) fel.Add("Ange vilket organ som antog versionen, t.ex. Kommunfullmäktige.");
        if (beslut.AntagenDatum is null) fel.Add("Ange beslutsdatum.");
        if (beslut.Andringar?.Length > 2000) fel.Add("Beskriv ändringarna med högst 2 000 tecken.");
        string? text = null;
        try
        {
            utkast.Validera(kommunId);
            text = utkast.TillFiltext(kommunId);
        }
        catch (PolicyFormatException e) { fel.Add(e.ForRedaktoren); }
        if (fel.Count > 0) return new(db.Refuse(fel), 0);

        (rad.Status, rad.Innehall, rad.Utkast) = (Policystatus.Publicerad, text, null);
        (rad.PubliceradUtc, rad.PubliceradAv) = (db.UtcNow, user.Namn());
        rad.GiltigFran = beslut.GiltigFran ?? beslut.AntagenDatum;
        rad.Andringar = string.IsNullOrWhiteSpace(beslut.Andringar) ? null : beslut.Andringar.Trim();
        audit.Add(user, AuditAction.Andrade, Objekt, rad.Nummer, $"Version {rad.Nummer} publicerad");
        var result = await db.CommitAsync(rad, version, $"Version {rad.Nummer} är publicerad.", ct);
        if (result.Succeeded) await laddare.LaddaAsync(ct);
        return new(result, rad.Nummer);
    }

    /// <summary>What a published version means for the records in progress; for HR and Admin of the municipality.</summary>
    public async Task<Paverkan?> PaverkanAsync(string kommunId, int nummer, ClaimsPrincipal user, CancellationToken ct = default) =>
        PolicyAccess.KanForvalta(user, kommunId) && Publicerad(kommunId, nummer) is { } ny ? await paverkan.BeraknaAsync(ny, ct) : null;

    /// <summary>Moves the chosen records to the version where it is safe; the others are left as they are and listed again.</summary>
    public async Task<CommandResult> FlyttaAsync(string kommunId, int nummer, IReadOnlyCollection<string> valda, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!PolicyAccess.KanForvalta(user, kommunId) || Publicerad(kommunId, nummer) is not { } ny) return CommandResult.NotFound;
        var poster = valda.Select(v => v.Split(':')).Where(v => v.Length == 2 && Enum.TryParse<Postslag>(v[0], out _) && int.TryParse(v[1], out _))
            .Select(v => (Enum.Parse<Postslag>(v[0]), int.Parse(v[1]))).ToHashSet();
        if (poster.Count == 0) return CommandResult.Refused("Välj minst en post att flytta.");
        var flyttade = await paverkan.FlyttaAsync(ny, poster, ct);
        if (flyttade == 0) return db.Refuse("Ingen av de valda posterna kan flyttas längre; listan visar läget nu.");
        audit.Add(user, AuditAction.Andrade, Objekt, nummer, $"{flyttade} poster flyttade till version {nummer}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return VersionedCommands.Conflict();
        }
        return CommandResult.Done(flyttade == 1 ? $"1 post bygger nu på version {nummer}." : $"{flyttade} poster bygger nu på version {nummer}.");
    }

    public LeadershipPolicy? Publicerad(string kommunId, int nummer) => policies.Versioner(kommunId).FirstOrDefault(p => p.Versionsnummer == nummer);

    private IQueryable<Policyversion> Utkastrad(string kommunId) =>
        db.Set<Policyversion>().Where(p => p.KommunId == kommunId && p.Status == Policystatus.Utkast);

    private async Task<Utkastvy?> UtkastvyAsync(string kommunId, CancellationToken ct) =>
        await Utkastrad(kommunId).AsNoTracking().FirstOrDefaultAsync(ct) is { } rad ? new(rad.Nummer, rad.Version, rad.SkapadUtc, rad.SkapadAv, Las(rad)) : null;

    private static PolicyUtkast Las(Policyversion rad) => JsonSerializer.Deserialize<PolicyUtkast>(rad.Utkast ?? "{}", Json) ?? new();

    /// <summary>A row left blank in the form is no row: the editor always offers a few empty ones.</summary>
    private static void Rensa(PolicyUtkast u)
    {
        u.Varderingar.RemoveAll(v => string.IsNullOrWhiteSpace(v.Namn));
        foreach (var a in u.Kompetensomraden) a.Krav.RemoveAll(k => string.IsNullOrWhiteSpace(k.Text));
        u.Kompetensomraden.RemoveAll(a => string.IsNullOrWhiteSpace(a.Namn) && a.Krav.Count == 0);
        u.ForvantningarPaArbetsgivaren.RemoveAll(string.IsNullOrWhiteSpace);
        u.Uppfoljning.RemoveAll(string.IsNullOrWhiteSpace);
        u.Avsnitt.RemoveAll(s => string.IsNullOrWhiteSpace(s.Rubrik) && string.IsNullOrWhiteSpace(s.Markdown));
    }
}
