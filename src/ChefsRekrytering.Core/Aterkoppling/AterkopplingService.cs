using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Aterkoppling;

/// <summary>An employee's answer as the form gives it: the chef it is for, a rating per requirement, an optional free text.</summary>
public sealed record AterkopplingForm(int Ar, int? ChefPersonId, IReadOnlyDictionary<string, Betyg?> Betyg, string? Fritext);

/// <summary>What /aterkoppling shows the employee: the open round (if any), the chef they answer for, the requirements,
/// and whether they have answered already.</summary>
public sealed record Svarssida(Aterkopplingsomgang? Omgang, int? ChefPersonId, string? ChefNamn, IReadOnlyList<PolicyRequirement> Krav, bool HarSvarat,
    Aterkopplingsomgang? Senaste);

/// <summary>One requirement's result: how many rated it, the mean (1–4), how many gave each step, and the chef's own rating.</summary>
public sealed record Kravresultat(string KravId, string Omrade, string Text, int Antal, double? Medel, IReadOnlyDictionary<Betyg, int> Fordelning, Betyg? Egen);

/// <summary>A chef's result of a year. <see cref="Visas"/> is false below the threshold: then only the count, never a rating
/// or a free text.</summary>
public sealed record Chefsresultat(int ChefPersonId, string ChefNamn, int Ar, int Antal, int Minsta, IReadOnlyList<Kravresultat> Krav,
    IReadOnlyList<string> Fritexter, bool HarSjalvskattning, IReadOnlyList<int> Omgangsar)
{
    public bool Visas => Antal >= Minsta;
    public string ForFaSvar => AterkopplingService.ForFaSvar(Antal, Minsta);
}

/// <summary>A förvaltning's aggregate for HR (only when it holds at least the threshold's answers).</summary>
public sealed record Forvaltningsresultat(int? ForvaltningId, string Namn, int Antal, IReadOnlyList<Kravresultat> Krav);

/// <summary>A chef whose result HR may open: only those above the threshold are listed.</summary>
public sealed record Chefsrad(int PersonId, string Namn, int Antal);

/// <summary>HR's overview of a year: the rounds, the participation, the förvaltningar and chefs above the threshold, and
/// how many were left out for having too few answers.</summary>
public sealed record Aterkopplingsoversikt(IReadOnlyList<Aterkopplingsomgang> Omgangar, Aterkopplingsomgang? Vald, int Deltagare,
    IReadOnlyList<Forvaltningsresultat> Forvaltningar, int DoldaForvaltningar, IReadOnlyList<Chefsrad> Chefer, int DoldaChefer, int Minsta, int Iar, bool ValdArOppen);

/// <summary>
/// The yearly feedback from below. HR opens a round (every employee who has a chef is mailed a link through the outbox)
/// and may close it early; each employee answers once for their own current chef; the chef reads the result beside their
/// own self-assessment, HR the aggregate per förvaltning, both only above the threshold. Who answered is stored apart
/// from what was answered (<see cref="AterkopplingDeltagande"/>, <see cref="AterkopplingSvar"/>), and nothing joins them.
/// Every command and query asks <see cref="AterkopplingAccess"/>.
/// </summary>
public sealed class AterkopplingService(AppDbContext db, Outbox outbox, PolicyLibrary policies, MailLinks links, IOptions<AterkopplingOptions> options)
{
    public int Minsta => Math.Max(AterkopplingOptions.LagstaTroskel, options.Value.MinstaAntalSvar);
    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    public static string ForFaSvar(int antal, int minsta) =>
        $"För få svar ({antal} av minst {minsta}) — resultatet visas inte för att skydda de svarandes anonymitet.";

    // ---- The employee ---------------------------------------------------------------------------------------------------

    /// <summary>The answer page: the round open now (the latest if several), the user's chef, and whether they answered.</summary>
    public async Task<Svarssida> SidaAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var omgangar = await db.Set<Aterkopplingsomgang>().AsNoTracking().OrderByDescending(o => o.Ar).ToListAsync(ct);
        var oppen = omgangar.FirstOrDefault(o => o.ArOppen(db.UtcNow));
        if (oppen is null || !AterkopplingAccess.KanSvara(user) || user.PersonId() is not int personId)
            return new(oppen, null, null, [], false, omgangar.FirstOrDefault());
        var chefId = (await db.LoadOrgChartAsync(ct)).ChefFor(personId);
        var chefNamn = chefId is null ? null : await db.Personer.Where(p => p.Id == chefId).Select(p => p.Fornamn + " " + p.Efternamn).FirstOrDefaultAsync(ct);
        var harSvarat = await db.Set<AterkopplingDeltagande>().AnyAsync(d => d.OmgangId == oppen.Id && d.PersonId == personId, ct);
        return new(oppen, chefId, chefNamn, policies.For(oppen.KommunId, oppen.PolicyversionId).AllaKrav.ToList(), harSvarat, oppen);
    }

    /// <summary>
    /// The employee's answer for their own chef. Refused (nothing stored) for a round that is closed, a chef who is not the
    /// employee's own, a second answer, or a requirement left unrated. Who answered and what was answered are two rows with
    /// nothing in common, written by one save (one transaction).
    /// </summary>
    public async Task<CommandResult> SvaraAsync(AterkopplingForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AterkopplingAccess.KanSvara(user) || user.PersonId() is not int personId)
            return CommandResult.Refused("Ditt konto är inte kopplat till en anställd i kommunen, så du kan inte ge återkoppling.");
        if (await db.Set<Aterkopplingsomgang>().FirstOrDefaultAsync(o => o.Ar == form.Ar, ct) is not { } omgang) return CommandResult.NotFound;
        if (!omgang.ArOppen(db.UtcNow)) return CommandResult.Refused($"Återkopplingen för {omgang.Ar} är stängd. Svar tas inte emot längre.");
        if (await db.Set<AterkopplingDeltagande>().AnyAsync(d => d.OmgangId == omgang.Id && d.PersonId == personId, ct))
            return CommandResult.Refused($"Du har redan svarat för {omgang.Ar}.");
        var org = await db.LoadOrgChartAsync(ct);
        if (org.ChefFor(personId) is not int chefId) return CommandResult.Refused("Du har ingen chef i organisationen att ge återkoppling till.");
        if (form.ChefPersonId != chefId) return CommandResult.Refused("Du kan bara ge återkoppling till din egen chef, den som leder din enhet.");

        var krav = policies.For(omgang.KommunId, omgang.PolicyversionId).AllaKrav.ToList();
        var fel = new List<string>();
        if (krav.Any(k => form.Betyg.GetValueOrDefault(k.Id) is null)) fel.Add("Välj ett svar för varje krav.");
        var fritext = string.IsNullOrWhiteSpace(form.Fritext) ? null : form.Fritext.Trim();
        if (fritext?.Length > AterkopplingSvar.FritextMaxLangd) fel.Add($"Fritexten får vara högst {AterkopplingSvar.FritextMaxLangd} tecken.");
        if (fel.Count > 0) return CommandResult.Refused(fel);

        db.Add(new AterkopplingDeltagande { KommunId = omgang.KommunId, OmgangId = omgang.Id, PersonId = personId });
        db.Add(new AterkopplingSvar
        {
            Id = Guid.NewGuid(), KommunId = omgang.KommunId, OmgangId = omgang.Id, ChefPersonId = chefId, ForvaltningId = Forvaltning(org, chefId),
            Betyg = krav.ToDictionary(k => k.Id, k => form.Betyg[k.Id]!.Value), Fritext = fritext,
        });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The same employee from two tabs at once: the unique index refuses the second, and neither row of it is kept.
            db.ChangeTracker.Clear();
            return CommandResult.Refused($"Du har redan svarat för {omgang.Ar}.");
        }
        return CommandResult.Done($"Tack! Ditt svar för {omgang.Ar} är sparat. Det går inte att se vem som har svarat vad.");
    }

    /// <summary>The förvaltning of the first unit the chef leads, walking up the tree; null outside every förvaltning.</summary>
    private static int? Forvaltning(OrgChart org, int chefId)
    {
        for (var u = org.UnitsLedBy(chefId).OrderBy(e => e.Id).FirstOrDefault(); u is not null; u = u.OverordnadId is int o ? org.Unit(o) : null)
            if (u.Typ == EnhetTyp.Forvaltning) return u.Id;
        return null;
    }

    // ---- The chef's result ----------------------------------------------------------------------------------------------

    /// <summary>A chef's result of a year (the latest round unless told) beside their own self-assessment of the year, for
    /// the chef and HR; null for anyone else. Below the threshold only the count.</summary>
    public async Task<Chefsresultat?> ResultatAsync(int chefPersonId, int? ar, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AterkopplingAccess.SerResultat(user, chefPersonId)) return null;
        if (await db.Personer.AsNoTracking().FirstOrDefaultAsync(p => p.Id == chefPersonId, ct) is not { } chef) return null;
        var omgangar = await db.Set<Aterkopplingsomgang>().AsNoTracking().OrderByDescending(o => o.Ar).ToListAsync(ct);
        var ari = omgangar.Select(o => o.Ar).ToList();
        var omgang = ar is int a ? omgangar.FirstOrDefault(o => o.Ar == a) : omgangar.FirstOrDefault();
        if (omgang is null) return new(chef.Id, chef.Namn, ar ?? Today.Year, 0, Minsta, [], [], false, ari);

        var svar = await db.Set<AterkopplingSvar>().AsNoTracking().Where(s => s.OmgangId == omgang.Id && s.ChefPersonId == chefPersonId).ToListAsync(ct);
        var egen = await db.Set<Sjalvskattning>().AsNoTracking().Include(s => s.Rader)
            .FirstOrDefaultAsync(s => s.ChefPersonId == chefPersonId && s.Ar == omgang.Ar, ct);
        if (svar.Count < Minsta) return new(chef.Id, chef.Namn, omgang.Ar, svar.Count, Minsta, [], [], egen is not null, ari);
        var egna = egen?.Rader.ToDictionary(r => r.KravId, r => r.Betyg) ?? [];
        return new(chef.Id, chef.Namn, omgang.Ar, svar.Count, Minsta, Sammanstall(omgang, svar, egna), Fritexter(svar), egen is not null, ari);
    }

    /// <summary>Per requirement of the round's policy version: count, mean and distribution.</summary>
    private List<Kravresultat> Sammanstall(Aterkopplingsomgang omgang, IReadOnlyList<AterkopplingSvar> svar, IReadOnlyDictionary<string, Betyg?> egna) =>
        policies.For(omgang.KommunId, omgang.PolicyversionId).AllaKrav.Select(k =>
        {
            var betyg = svar.Select(s => s.Betyg.TryGetValue(k.Id, out var b) ? b : (Betyg?)null).OfType<Betyg>().ToList();
            return new Kravresultat(k.Id, k.AreaNamn, k.Text, betyg.Count, betyg.Count == 0 ? null : Math.Round(betyg.Average(b => (int)b), 1),
                Enum.GetValues<Betyg>().ToDictionary(b => b, b => betyg.Count(x => x == b)), egna.GetValueOrDefault(k.Id));
        }).ToList();

    /// <summary>The free texts, never attributed: in alphabetical order, so not even the order they came in is shown.</summary>
    private static List<string> Fritexter(IEnumerable<AterkopplingSvar> svar) =>
        svar.Select(s => s.Fritext).OfType<string>().Order(SwedishTime.NameOrder).ToList();

    // ---- HR -------------------------------------------------------------------------------------------------------------

    /// <summary>HR's overview of a year (the latest round unless told): participation, the förvaltningar and chefs whose
    /// results reach the threshold; null for anyone but HR.</summary>
    public async Task<Aterkopplingsoversikt?> OversiktAsync(int? ar, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AterkopplingAccess.KanHantera(user)) return null;
        var omgangar = await db.Set<Aterkopplingsomgang>().AsNoTracking().OrderByDescending(o => o.Ar).ToListAsync(ct);
        var vald = ar is int a ? omgangar.FirstOrDefault(o => o.Ar == a) : omgangar.FirstOrDefault();
        if (vald is null) return new(omgangar, null, 0, [], 0, [], 0, Minsta, Today.Year, false);

        var deltagare = await db.Set<AterkopplingDeltagande>().CountAsync(d => d.OmgangId == vald.Id, ct);
        var svar = await db.Set<AterkopplingSvar>().AsNoTracking().Where(s => s.OmgangId == vald.Id).ToListAsync(ct);
        var enheter = await db.Enheter.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Namn, ct);
        var perForvaltning = svar.GroupBy(s => s.ForvaltningId).ToList();
        var forvaltningar = perForvaltning.Where(g => g.Count() >= Minsta)
            .Select(g => new Forvaltningsresultat(g.Key, g.Key is int id ? enheter.GetValueOrDefault(id, "Borttagen förvaltning") : "Utanför förvaltningarna",
                g.Count(), Sammanstall(vald, g.ToList(), new Dictionary<string, Betyg?>())))
            .OrderBy(f => f.Namn, SwedishTime.NameOrder).ToList();
        var perChef = svar.GroupBy(s => s.ChefPersonId).ToList();
        var synliga = perChef.Where(g => g.Count() >= Minsta).Select(g => (g.Key, Antal: g.Count())).ToList();
        var ids = synliga.Select(s => s.Key).ToList();
        var namn = await db.Personer.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Fornamn + " " + p.Efternamn, ct);
        var chefer = synliga.Select(s => new Chefsrad(s.Key, namn.GetValueOrDefault(s.Key, ""), s.Antal)).OrderBy(c => c.Namn, SwedishTime.NameOrder).ToList();
        return new(omgangar, vald, deltagare, forvaltningar, perForvaltning.Count - forvaltningar.Count, chefer, perChef.Count - chefer.Count, Minsta, Today.Year,
            vald.ArOppen(db.UtcNow));
    }

    /// <summary>
    /// HR opens the year's round, open until <paramref name="sistaDag"/>, and every active employee with an e-mail address
    /// and a chef is invited through the outbox, in the same transaction as the round (the mails go after the save).
    /// </summary>
    public async Task<CommandResult> OppnaAsync(int ar, DateOnly? sistaDag, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AterkopplingAccess.KanHantera(user)) return CommandResult.Forbidden;
        var fel = new List<string>();
        if (ar < Today.Year - 1 || ar > Today.Year + 1) fel.Add($"Ange ett år mellan {Today.Year - 1} och {Today.Year + 1}.");
        else if (await db.Set<Aterkopplingsomgang>().AnyAsync(o => o.Ar == ar, ct)) fel.Add($"Det finns redan en återkoppling för {ar}.");
        if (sistaDag is null) fel.Add("Ange sista dagen att svara.");
        else if (sistaDag < Today) fel.Add("Sista dagen kan inte ligga före i dag.");
        else if (sistaDag > Today.AddMonths(3)) fel.Add("Återkopplingen kan vara öppen högst tre månader.");
        if (fel.Count > 0) return CommandResult.Refused(fel);

        var kommunId = user.KommunId()!;
        var omgang = new Aterkopplingsomgang
        {
            KommunId = kommunId, Ar = ar, SistaDag = sistaDag!.Value, OppnadUtc = db.UtcNow, PolicyversionId = policies.Find(kommunId)?.VersionId,
        };
        db.Add(omgang);
        var org = await db.LoadOrgChartAsync(ct);
        var kommun = policies.Find(kommunId)?.Kommun;
        var lank = links.For("/aterkoppling");
        var personer = await db.Personer.AsNoTracking().Where(p => p.Aktiv && p.Epost != "").OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Epost, p.Fornamn, p.Efternamn }).ToListAsync(ct);
        foreach (var p in personer.Where(p => org.ChefFor(p.Id) is not null))
        {
            await outbox.EnqueueAsync<AterkopplingInbjudan, AterkopplingInbjudan.Innehall>(new MailRecipient(p.Epost, $"{p.Fornamn} {p.Efternamn}"),
                $"Ge din chef återkoppling {ar}", new(p.Fornamn, ar, omgang.SistaDag, kommun, lank),
                topic: $"Aterkoppling:{ar}:Inbjudan", kommunId: kommunId);
            omgang.AntalInbjudna++;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Refused($"Det finns redan en återkoppling för {ar}.");
        }
        return CommandResult.Done($"Återkopplingen för {ar} är öppen till och med {omgang.SistaDag:d MMMM}. {SwedishText.Antal(omgang.AntalInbjudna, "medarbetare", "medarbetare")} har fått en inbjudan.");
    }

    /// <summary>HR closes an open round before its last day: no more answers are taken.</summary>
    public async Task<CommandResult> StangAsync(int ar, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AterkopplingAccess.KanHantera(user)) return CommandResult.Forbidden;
        if (await db.Set<Aterkopplingsomgang>().FirstOrDefaultAsync(o => o.Ar == ar, ct) is not { } omgang) return CommandResult.NotFound;
        if (!omgang.ArOppen(db.UtcNow)) return CommandResult.Refused($"Återkopplingen för {ar} är redan stängd.");
        omgang.StangdUtc = db.UtcNow;
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"Återkopplingen för {ar} är stängd.");
    }
}
