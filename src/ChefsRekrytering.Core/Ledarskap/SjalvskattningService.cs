using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Ledarskap;

/// <summary>A manager's self-assessments year by year, as the user may see them.</summary>
public sealed record SjalvskattningarDetaljer(Person Chef, ChefParter Parter, LeadershipPolicy Policy, IReadOnlyList<Sjalvskattning> Skattningar, int Iar)
{
    /// <summary>The manager starts this year's, once.</summary>
    public bool KanBorja => Parter.ArChefen && Skattningar.All(s => s.Ar != Iar);

    /// <summary>Every requirement assessed in any year, in the latest year's wording and order (the list is oldest first).</summary>
    public IEnumerable<SjalvskattningRad> Krav => Skattningar.Reverse().SelectMany(s => s.Ordnade).DistinctBy(r => r.KravId);
}

/// <summary>One year's self-assessment (null while not started) beside the latest earlier one, as the user may see it.</summary>
public sealed record SjalvskattningDetaljer(Person Chef, ChefParter Parter, LeadershipPolicy Policy, int Ar, Sjalvskattning? Skattning,
    Sjalvskattning? Forra, int Iar)
{
    public bool KanFylla => Parter.ArChefen && Skattning?.State == SjalvskattningTillstand.Utkast;
    public bool KanBorja => Parter.ArChefen && Skattning is null && Ar == Iar;
}

/// <summary>The manager's rating and comment of one requirement, as the form gives them.</summary>
public sealed record Skattning(string KravId, Betyg? Betyg, string? Kommentar);

/// <summary>
/// The yearly self-assessment against the policy: the manager starts, fills in and hands it in; the employer side records
/// the talk. Every change is one command: it finds the manager through <see cref="ChefParter.FindAsync"/>, checks the
/// version the form was built from, lets <see cref="SjalvskattningWorkflow"/> judge the step, and saves.
/// </summary>
public sealed class SjalvskattningService(AppDbContext db, PolicyLibrary policies)
{
    public const int SamtalMaxLangd = 4000;

    /// <summary>This year in Sweden: the year a self-assessment is started for.</summary>
    public int Iar => SwedishTime.ToLocal(db.UtcNow).Year;

    public async Task<SjalvskattningarDetaljer?> SjalvskattningarAsync(int personId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await ChefParter.FindAsync(db, user, personId, ct) is not { } sida) return null;
        var skattningar = await db.Set<Sjalvskattning>().AsNoTracking().Include(s => s.Rader)
            .Where(s => s.ChefPersonId == personId).OrderBy(s => s.Ar).ToListAsync(ct);
        return new(sida.Chef, sida.Parter, policies.Get(sida.Chef.KommunId), skattningar, Iar);
    }

    public async Task<SjalvskattningDetaljer?> SjalvskattningAsync(int personId, int ar, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await ChefParter.FindAsync(db, user, personId, ct) is not { } sida) return null;
        var skattningar = db.Set<Sjalvskattning>().AsNoTracking().Include(s => s.Rader).Where(s => s.ChefPersonId == personId);
        var skattning = await skattningar.FirstOrDefaultAsync(s => s.Ar == ar, ct);
        // A year's assessment is read against the version it was started on.
        return new(sida.Chef, sida.Parter, policies.For(sida.Chef.KommunId, skattning?.PolicyversionId), ar, skattning,
            await skattningar.Where(s => s.Ar < ar).OrderByDescending(s => s.Ar).FirstOrDefaultAsync(ct), Iar);
    }

    /// <summary>The manager starts this year's self-assessment from the policy as it reads now; starting it twice (another
    /// tab a moment ago) opens the same one. The year is the answer, for the page to open.</summary>
    public async Task<CommandResult<int>> PaborjaAsync(int personId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await ChefParter.FindAsync(db, user, personId, ct) is not { } sida) return new(CommandResult.NotFound, 0);
        if (!sida.Parter.ArChefen) return new(CommandResult.Refused(SjalvskattningWorkflow.BaraChefen + "."), 0);
        var ar = Iar;
        if (!await db.Set<Sjalvskattning>().AnyAsync(s => s.ChefPersonId == personId && s.Ar == ar, ct))
        {
            db.Add(Sjalvskattning.For(sida.Chef, ar, policies.Get(sida.Chef.KommunId), db.UtcNow));
            // Refused only by the unique index, when the same manager started it a moment ago: that one is opened.
            await VersionedCommands.SaveIfUnchangedAsync(db, null, Guid.Empty, ct);
        }
        return new(CommandResult.Done(), ar);
    }

    /// <summary>The manager's ratings and comments, kept as a draft.</summary>
    public Task<CommandResult> SparaUtkastAsync(int personId, int ar, Guid version, IReadOnlyList<Skattning> rader, ClaimsPrincipal user,
        CancellationToken ct = default) =>
        ChangeAsync(personId, ar, version, user, (s, parter, _) => Fyll(s, parter, rader) ?? CommandResult.Done("Självskattningen är sparad som utkast."), ct);

    /// <summary>The manager's ratings, handed in for the talk: refused, and nothing saved, while a requirement is unrated.</summary>
    public Task<CommandResult> LamnaInAsync(int personId, int ar, Guid version, IReadOnlyList<Skattning> rader, ClaimsPrincipal user,
        CancellationToken ct = default) =>
        ChangeAsync(personId, ar, version, user, (s, parter, flode) => Fyll(s, parter, rader)
            ?? Svar(flode.Fire(SjalvskattningHandelse.LamnaIn, user.Actor()), "Självskattningen är inlämnad inför samtalet med närmast högre chef."), ct);

    /// <summary>The manager takes a handed-in self-assessment back to change it.</summary>
    public Task<CommandResult> AteroppnaAsync(int personId, int ar, Guid version, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(personId, ar, version, user,
            (_, _, flode) => Svar(flode.Fire(SjalvskattningHandelse.Ateroppna, user.Actor()), "Självskattningen är öppen för ändring."), ct);

    /// <summary>The employer side records the yearly talk, with what was agreed.</summary>
    public Task<CommandResult> RegistreraSamtaletAsync(int personId, int ar, Guid version, string? kommentar, ClaimsPrincipal user,
        CancellationToken ct = default) =>
        ChangeAsync(personId, ar, version, user, (_, _, flode) => kommentar?.Length > SamtalMaxLangd
            ? CommandResult.Refused($"Kommentaren från samtalet får vara högst {SamtalMaxLangd} tecken.")
            : Svar(flode.Diskutera(user.Actor(), kommentar), "Samtalet är registrerat."), ct);

    /// <summary>
    /// Every change: the manager's year found (deny by default), the form's version checked, the change made, and saved
    /// only if nobody saved in between. A refusal saves nothing.
    /// </summary>
    private async Task<CommandResult> ChangeAsync(int personId, int ar, Guid version, ClaimsPrincipal user,
        Func<Sjalvskattning, ChefParter, SjalvskattningWorkflow, CommandResult> change, CancellationToken ct)
    {
        if (await ChefParter.FindAsync(db, user, personId, ct) is not { } sida) return CommandResult.NotFound;
        var s = await db.Set<Sjalvskattning>().Include(x => x.Rader).FirstOrDefaultAsync(x => x.ChefPersonId == personId && x.Ar == ar, ct);
        if (s is null) return CommandResult.Refused($"Självskattningen för {ar} är inte påbörjad.");
        if (s.Version != version) return VersionedCommands.Conflict();
        var result = change(s, sida.Parter, new SjalvskattningWorkflow(s, db, sida.Parter));
        if (!result.Succeeded) return db.Refuse(result.Reasons);
        return await db.CommitAsync(s, version, result.Message!, ct);
    }

    /// <summary>Writes the posted ratings into the draft; a reason when the user may not, or the form names no such requirement.</summary>
    private static CommandResult? Fyll(Sjalvskattning s, ChefParter parter, IReadOnlyList<Skattning> rader)
    {
        if (!parter.ArChefen) return CommandResult.Refused(SjalvskattningWorkflow.BaraChefen + ".");
        if (s.State != SjalvskattningTillstand.Utkast) return CommandResult.Refused("Självskattningen är inlämnad. Öppna den för ändring först.");
        foreach (var input in rader)
        {
            if (s.Rader.FirstOrDefault(r => r.KravId == input.KravId) is not { } rad) return CommandResult.Refused("Okänt krav i formuläret.");
            rad.Betyg = input.Betyg;
            rad.Kommentar = string.IsNullOrWhiteSpace(input.Kommentar) ? null : input.Kommentar.Trim();
        }
        return null;
    }

    private static CommandResult Svar(WorkflowResult result, string message) =>
        result.Succeeded ? CommandResult.Done(message) : CommandResult.Refused(result.Reasons);
}

/// <summary>A manager's way to their own leadership records and to those of the managers under them.</summary>
public sealed record MittLedarskap(MittLedarskap.Rad? Jag, IReadOnlyList<MittLedarskap.Rad> Chefer, bool HelaKommunen, int Iar)
{
    public sealed record Rad(int PersonId, string Namn, string Enheter, string Kontrakt, string Sjalvskattning);
}

/// <summary>The overview of "Mitt ledarskap": where each contract and this year's self-assessment stand.</summary>
public sealed class LedarskapOversikt(AppDbContext db)
{
    /// <summary>The user's own row (when they lead a unit) and the managers they may see: their direct reports, or for HR
    /// every manager of the municipality (<see cref="ChefParter"/>'s rule), in a fixed number of queries.</summary>
    public async Task<MittLedarskap> MittLedarskapAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var org = await db.LoadOrgChartAsync(ct);
        var me = user.PersonId();
        var managers = await db.Enheter.Where(e => e.ChefId != null).Select(e => e.ChefId!.Value).Distinct().ToListAsync(ct);
        var iar = SwedishTime.ToLocal(db.UtcNow).Year;
        var rows = await RowsAsync(managers.Where(id => id == me || ChefParter.For(user, id, org).ForArbetsgivaren).ToList(), org, iar, ct);
        var helaKommunen = user.IsInRole(Roller.HR);
        return new(rows.FirstOrDefault(r => r.PersonId == me), rows.Where(r => r.PersonId != me).ToList(), helaKommunen, iar);
    }

    private async Task<List<MittLedarskap.Rad>> RowsAsync(List<int> ids, OrgChart org, int year, CancellationToken ct)
    {
        var people = await db.Personer.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn)
            .Select(p => new { p.Id, Namn = p.Fornamn + " " + p.Efternamn }).ToListAsync(ct);
        var kontrakt = await db.Set<Uppdragskontrakt>().Where(k => ids.Contains(k.ChefPersonId) && k.State != UppdragskontraktTillstand.Ersatt)
            .Select(k => new { k.ChefPersonId, k.State, k.Versionsnummer, k.OmprovasSenast }).ToListAsync(ct);
        var skattningar = await db.Set<Sjalvskattning>().Where(s => ids.Contains(s.ChefPersonId) && s.Ar == year)
            .ToDictionaryAsync(s => s.ChefPersonId, s => s.State, ct);
        return people.Select(p =>
        {
            var egna = kontrakt.Where(k => k.ChefPersonId == p.Id).ToList();
            var gallande = egna.FirstOrDefault(k => k.State == UppdragskontraktTillstand.Bekraftat);
            var utkast = egna.FirstOrDefault(k => k.State == UppdragskontraktTillstand.Utkast);
            var text = gallande is null ? "Inget bekräftat kontrakt" : $"Version {gallande.Versionsnummer} gäller, omprövas senast {gallande.OmprovasSenast:yyyy-MM-dd}";
            if (utkast is not null) text += $"; utkast till version {utkast.Versionsnummer}";
            return new MittLedarskap.Rad(p.Id, p.Namn, string.Join(", ", org.UnitsLedBy(p.Id).Select(u => u.Namn)), text,
                skattningar.TryGetValue(p.Id, out var state) ? SwedishText.Of(state) : "Inte påbörjad");
        }).ToList();
    }
}
