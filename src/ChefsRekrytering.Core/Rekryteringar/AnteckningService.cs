using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>A panel member whose score is missing for an interviewed candidate, with the interview's start.</summary>
public sealed record SaknadBedomning(string UserId, string Namn, DateTime IntervjuUtc);

/// <summary>The notes and labels of one candidate as this user sees them: the notes oldest first (the user may delete
/// their own), the candidate's labels, the recruitment's labels to choose from, and for those who run the recruitment the
/// panel members whose score is missing after the interview.</summary>
public sealed record Anteckningsvy(IReadOnlyList<Anteckning> Anteckningar, IReadOnlyList<KandidatTagg> Taggar, IReadOnlyList<string> RekryteringensTaggar,
    string? UserId, IReadOnlyList<SaknadBedomning> SaknadeBedomningar)
{
    public bool ArEgen(Anteckning a) => a.ForfattareUserId == UserId;
}

/// <summary>
/// Notes and labels on a candidate, under the recruitment's rule (<see cref="RekryteringAccess.CanView"/>): whoever sees
/// the candidate reads and writes them; a note is deleted by its author only. In an anonymous screening they are shown as
/// typed (the screeners write them); nothing here names the applicant. Adding and deleting a note is in the audit log,
/// without its text.
/// </summary>
public sealed class AnteckningService(AppDbContext db, RekryteringService rekryteringar, AuditLog audit)
{
    public const int TextMaxLangd = 4000;
    public const int TaggMaxLangd = 40;

    public const string TomAnteckning = "Skriv något i anteckningen.";
    public static readonly string ForLangAnteckning = $"En anteckning får ha högst {TextMaxLangd} tecken.";
    public const string AnnansAnteckning = "Du kan bara ta bort dina egna anteckningar. Be den som skrev anteckningen att ta bort den.";
    public const string TomTagg = "Skriv taggen, till exempel ”Ring igen”.";
    public static readonly string ForLangTagg = $"En tagg får ha högst {TaggMaxLangd} tecken.";

    // ---- Queries ----

    /// <summary>The candidate's notes and labels, for the page <see cref="KandidatService.OversiktAsync"/> has shown this
    /// user (that query applied the access rule); whose score is missing only to those who run the recruitment.</summary>
    public async Task<Anteckningsvy> VyAsync(Kandidatoversikt oversikt, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (r, k) = (oversikt.Rekrytering, oversikt.Kandidat);
        var anteckningar = await db.Set<Anteckning>().AsNoTracking().Where(a => a.KandidatId == k.Id).OrderBy(a => a.SkrivenUtc).ThenBy(a => a.Id).ToListAsync(ct);
        var saknade = oversikt.KanDriva ? SaknadeBedomningar(r, k, oversikt.Intervju) : [];
        return new(anteckningar, k.Taggar.OrderBy(t => t.Text, StringComparer.CurrentCultureIgnoreCase).ToList(), Taggar(r), user.UserId(), saknade);
    }

    /// <summary>The labels used in the recruitment, for the list's filter and as suggestions.</summary>
    public static IReadOnlyList<string> Taggar(Rekrytering r) => r.Kandidater.SelectMany(k => k.Taggar).Select(t => t.Text)
        .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>Whose score is missing for a candidate whose booked interview has begun (<see cref="Bedomningar.UtanBedomning"/>).</summary>
    private IReadOnlyList<SaknadBedomning> SaknadeBedomningar(Rekrytering r, Kandidat k, Mote? intervju) =>
        Bedomningar.Hinder(k) is null && intervju is { } mote && mote.StartUtc <= db.UtcNow
            ? Bedomningar.UtanBedomning(r, k).Select(p => new SaknadBedomning(p.UserId, p.Namn, mote.StartUtc)).ToList()
            : [];

    private async Task<(SynligRekrytering, Kandidat)?> SynligAsync(int id, int kandidatId, ClaimsPrincipal user, CancellationToken ct) =>
        await rekryteringar.SynligAsync(id, user, ct) is { } synlig && synlig.Rekrytering.Kandidater.FirstOrDefault(k => k.Id == kandidatId) is { } k
            ? (synlig, k)
            : null;

    // ---- Commands ----

    /// <summary>A note by the user on the candidate.</summary>
    public async Task<CommandResult> SkrivAsync(int id, int kandidatId, string? text, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligAsync(id, kandidatId, user, ct) is not var (_, k)) return CommandResult.NotFound;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return CommandResult.Refused(TomAnteckning);
        if (text.Length > TextMaxLangd) return CommandResult.Refused(ForLangAnteckning);
        var userId = user.UserId() ?? throw new InvalidOperationException("En anteckning skrivs av en inloggad användare.");
        var anteckning = new Anteckning { KommunId = k.KommunId, KandidatId = k.Id, Text = text, ForfattareUserId = userId, ForfattareNamn = user.Namn(), SkrivenUtc = db.UtcNow };
        db.Add(anteckning);
        audit.Add(user, AuditAction.Skapade, Granskningsobjekt.Kandidat, k.Id, "Anteckning skriven");
        await db.SaveChangesAsync(ct);
        return CommandResult.Done("Anteckningen är sparad.");
    }

    /// <summary>Deletes the user's own note; someone else's is refused with the reason.</summary>
    public async Task<CommandResult> TaBortAsync(int id, int kandidatId, int anteckningId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligAsync(id, kandidatId, user, ct) is not var (_, k)) return CommandResult.NotFound;
        var anteckning = await db.Set<Anteckning>().FirstOrDefaultAsync(a => a.Id == anteckningId && a.KandidatId == k.Id, ct);
        if (anteckning is null) return CommandResult.Refused("Anteckningen finns inte längre.");
        if (anteckning.ForfattareUserId != user.UserId()) return CommandResult.Refused(AnnansAnteckning);
        db.Remove(anteckning);
        audit.Add(user, AuditAction.Raderade, Granskningsobjekt.Kandidat, k.Id, $"Anteckning {anteckning.Id} borttagen");
        await db.SaveChangesAsync(ct);
        return CommandResult.Done("Anteckningen är borttagen.");
    }

    /// <summary>Puts a label on the candidate (at most <see cref="TaggMaxLangd"/> characters); one already there is kept.</summary>
    public async Task<CommandResult> LaggTillTaggAsync(int id, int kandidatId, string? text, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligAsync(id, kandidatId, user, ct) is not var (synlig, k)) return CommandResult.NotFound;
        text = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0) return CommandResult.Refused(TomTagg);
        if (text.Length > TaggMaxLangd) return CommandResult.Refused(ForLangTagg);
        // The recruitment's own spelling of a label wins, so the filter finds every candidate with it.
        text = Taggar(synlig.Rekrytering).FirstOrDefault(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase)) ?? text;
        if (k.Taggar.Any(t => t.Text == text)) return CommandResult.Done($"Taggen ”{text}” finns redan.");
        k.Taggar.Add(new KandidatTagg { KommunId = k.KommunId, KandidatId = k.Id, Text = text });
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"Taggen ”{text}” är tillagd.");
    }

    /// <summary>Takes a label off the candidate.</summary>
    public async Task<CommandResult> TaBortTaggAsync(int id, int kandidatId, int taggId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligAsync(id, kandidatId, user, ct) is not var (_, k)) return CommandResult.NotFound;
        if (k.Taggar.FirstOrDefault(t => t.Id == taggId) is not { } tagg) return CommandResult.Done();
        k.Taggar.Remove(tagg);
        db.Remove(tagg);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"Taggen ”{tagg.Text}” är borttagen.");
    }
}
