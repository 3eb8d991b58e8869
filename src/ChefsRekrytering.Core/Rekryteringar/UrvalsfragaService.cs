using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>A screening question as the form sends it: options and accepted options one per line, the minimum as typed.</summary>
public sealed record NyUrvalsfraga(UrvalsfragaTyp Typ, string? Text, string? Alternativ, bool ArKrav, string? Kravsvar, string? Minimum, string? Godkanda);

/// <summary>The screening page: the questions, whether this user may change them now, and why not.</summary>
public sealed record Urvalsfragevy(Rekrytering Rekrytering, IReadOnlyList<Urvalsfraga> Fragor, bool KanAndra, string? Hinder, bool KanHava);

/// <summary>What the candidate list shows: only those who meet every requirement, only a given answer to a question, and
/// sorted by a question's answer (numbers as numbers, highest first).</summary>
public sealed record Urvalsfilter(bool BaraKravUppfyllda = false, int? FragaId = null, string? Svar = null, int? SorteraPa = null);

/// <summary>One line of the candidate list: the applicant, what the page calls them, their answers and the requirements
/// they do not meet.</summary>
public sealed record Urvalsrad(Kandidat Kandidat, string Visningsnamn, IReadOnlyDictionary<int, string> Svar, IReadOnlyList<Urvalsfraga> EjUppfyllda);

/// <summary>
/// The screening of a recruitment: its questions (written while the advert is written, locked once it is published),
/// the choice of an anonymised first screening, and lifting that anonymity with a reason, logged. The rule of who may is
/// <see cref="RekryteringAccess"/>'s.
/// </summary>
public sealed class UrvalsfragaService(AppDbContext db, RekryteringService rekryteringar, AuditLog audit)
{
    public const string Last = "Urvalsfrågorna och valet av anonymt urval är låsta sedan annonsen publicerades, så att alla sökande har svarat på samma frågor på samma villkor.";
    public const string ForTidigt = "Urvalsfrågorna skrivs när behovet har skickats för behovsprövning, medan annonsen skrivs.";
    public const string MaxAntal = "En rekrytering kan ha högst 15 urvalsfrågor.";

    public async Task<Urvalsfragevy?> VyAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await rekryteringar.SynligAsync(id, user, ct) is not { Rekrytering: var r }) return null;
        var far = RekryteringAccess.CanDefineScreening(user, r);
        var hinder = !far ? "Bara rekryterande chef och HR skriver urvalsfrågorna." : Hinder(r);
        return new(r, r.Urvalsfragor.OrderBy(f => f.Ordning).ToList(), hinder is null, hinder,
            far && r.AnonymtUrval && r.AnonymitetHavdUtc is null);
    }

    private static string? Hinder(Rekrytering r) =>
        Rekrytering.AnnonsenSkrivs.Contains(r.State) ? null : r.State == RekryteringsTillstand.Utkast ? ForTidigt : Last;

    public Task<CommandResult> LaggTillAsync(int id, Guid version, NyUrvalsfraga ny, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, r =>
        {
            if (r.Urvalsfragor.Count >= 15) return Task.FromResult(CommandResult.Refused(MaxAntal));
            var fel = new List<string>();
            var text = InputText.SingleLine(ny.Text ?? "").Trim();
            if (text.Length == 0) fel.Add("Skriv frågan.");
            else if (text.Length > 500) fel.Add("Frågan får ha högst 500 tecken.");
            if (!Enum.IsDefined(ny.Typ)) fel.Add("Välj en typ av fråga.");
            var fraga = new Urvalsfraga
            {
                KommunId = r.KommunId, RekryteringId = r.Id, Typ = ny.Typ, Text = text,
                Ordning = r.Urvalsfragor.Select(f => f.Ordning).DefaultIfEmpty().Max() + 1, ArKrav = ny.ArKrav && ny.Typ != UrvalsfragaTyp.Fritext,
            };
            if (ny.Typ == UrvalsfragaTyp.Flerval)
            {
                var alternativ = Urvalsfraga.Rader(ny.Alternativ).Select(a => InputText.SingleLine(a)).ToList();
                if (alternativ.Count < 2) fel.Add("Skriv minst två alternativ, ett per rad.");
                else if (alternativ.Any(a => a.Length > 200)) fel.Add("Ett alternativ får ha högst 200 tecken.");
                fraga.Alternativtext = string.Join("\n", alternativ);
            }
            if (fraga.ArKrav)
            {
                switch (ny.Typ)
                {
                    case UrvalsfragaTyp.JaNej when ny.Kravsvar is Urvalsfraga.Ja or Urvalsfraga.Nej:
                        fraga.Kravvarde = ny.Kravsvar; break;
                    case UrvalsfragaTyp.JaNej:
                        fel.Add("Välj vilket svar som är kravet: ja eller nej."); break;
                    case UrvalsfragaTyp.Tal when Urvalsfraga.Tal(ny.Minimum) is { } min:
                        fraga.Kravvarde = min.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                    case UrvalsfragaTyp.Tal:
                        fel.Add("Skriv det lägsta tal som uppfyller kravet, till exempel 3."); break;
                    case UrvalsfragaTyp.Flerval:
                        var godkanda = Urvalsfraga.Rader(ny.Godkanda).Select(a => InputText.SingleLine(a)).ToList();
                        if (godkanda.Count == 0 || godkanda.Any(g => !fraga.Alternativ.Contains(g)))
                            fel.Add("Skriv de godkända alternativen, ett per rad, precis som bland alternativen.");
                        fraga.Kravvarde = string.Join("\n", godkanda); break;
                }
            }
            if (fel.Count > 0) return Task.FromResult(CommandResult.Refused(fel));
            r.Urvalsfragor.Add(fraga);
            return db.CommitAsync(r, $"Frågan ”{text}” är tillagd.", ct);
        });

    public Task<CommandResult> TaBortAsync(int id, Guid version, int fragaId, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, r =>
        {
            if (r.Urvalsfragor.FirstOrDefault(f => f.Id == fragaId) is not { } fraga) return Task.FromResult(CommandResult.Refused("Frågan finns inte längre."));
            db.Remove(fraga);
            r.Urvalsfragor.Remove(fraga);
            return db.CommitAsync(r, $"Frågan ”{fraga.Text}” är borttagen.", ct);
        });

    /// <summary>Chooses whether the first screening is anonymous; before the advert is published only.</summary>
    public Task<CommandResult> SattAnonymtUrvalAsync(int id, Guid version, bool anonymt, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, r =>
        {
            r.AnonymtUrval = anonymt;
            audit.Add(user, AuditAction.Andrade, Granskningsobjekt.Rekrytering, r.Id, anonymt ? "Valde anonymt urval" : "Valde urval med namn");
            return db.CommitAsync(r, anonymt
                ? "Urvalet blir anonymt: sökande visas som ”Sökande” med nummer tills de kallas till intervju."
                : "Urvalet görs med de sökandes namn.", ct);
        });

    /// <summary>The owner or HR lifts the anonymity for every applicant, with a reason: who, when and why go to the
    /// recruitment and the audit log. Allowed at any phase, since it only ever shows more to the same people.</summary>
    public async Task<CommandResult> HavAnonymitetAsync(int id, Guid version, string? skal, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await rekryteringar.SynligAsync(id, user, ct) is not { Rekrytering: var r }) return CommandResult.NotFound;
        if (!RekryteringAccess.CanDefineScreening(user, r)) return CommandResult.Forbidden;
        if (r.Version != version) return CommandResult.Conflict(RekryteringService.AndradSamtidigt);
        if (!r.AnonymtUrval || r.AnonymitetHavdUtc is not null) return CommandResult.Refused("Urvalet är inte anonymt.");
        skal = InputText.SingleLine(skal ?? "").Trim();
        if (skal.Length == 0) return CommandResult.Refused("Skriv varför anonymiteten hävs. Skälet sparas i loggen.");
        if (skal.Length > 1000) return CommandResult.Refused("Skälet får ha högst 1000 tecken.");
        (r.AnonymitetHavdUtc, r.AnonymitetHavdAv, r.AnonymitetHavdSkal) = (db.UtcNow, user.Namn(), skal);
        audit.Add(user, AuditAction.Andrade, Granskningsobjekt.Rekrytering, r.Id, "Hävde anonymiteten i urvalet för alla sökande");
        return await db.CommitAsync(r, "Anonymiteten är hävd: de sökandes namn och handlingar visas nu.", ct);
    }

    /// <summary>The candidate list after the filter, in order of arrival unless sorted by a question.</summary>
    public static IReadOnlyList<Urvalsrad> Lista(Rekrytering r, Urvalsfilter filter)
    {
        var fragor = r.Urvalsfragor.OrderBy(f => f.Ordning).ToList();
        var rader = r.Kandidater.OrderBy(k => k.InkomUtc).ThenBy(k => k.Id).Select(k =>
        {
            var svar = k.Urvalssvar.ToDictionary(s => s.UrvalsfragaId, s => s.Varde);
            return new Urvalsrad(k, k.Visningsnamn, svar, fragor.Where(f => !f.Uppfylls(svar.GetValueOrDefault(f.Id))).ToList());
        });
        if (filter.BaraKravUppfyllda) rader = rader.Where(x => x.EjUppfyllda.Count == 0);
        if (filter.FragaId is int fid && !string.IsNullOrEmpty(filter.Svar)) rader = rader.Where(x => x.Svar.GetValueOrDefault(fid) == filter.Svar);
        if (fragor.FirstOrDefault(f => f.Id == filter.SorteraPa) is { } sort)
            rader = sort.Typ == UrvalsfragaTyp.Tal
                ? rader.OrderByDescending(x => Urvalsfraga.Tal(x.Svar.GetValueOrDefault(sort.Id)) ?? decimal.MinValue)
                : rader.OrderBy(x => x.Svar.GetValueOrDefault(sort.Id) ?? "\uffff", StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false));
        return rader.ToList();
    }

    private async Task<CommandResult> ChangeAsync(int id, Guid version, ClaimsPrincipal user, CancellationToken ct, Func<Rekrytering, Task<CommandResult>> change)
    {
        if (await rekryteringar.SynligAsync(id, user, ct) is not { Rekrytering: var r }) return CommandResult.NotFound;
        if (!RekryteringAccess.CanDefineScreening(user, r)) return CommandResult.Forbidden;
        if (r.Version != version) return CommandResult.Conflict(RekryteringService.AndradSamtidigt);
        if (Hinder(r) is { } hinder) return CommandResult.Refused(hinder);
        return await change(r);
    }
}
