using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Kommuner;

/// <summary>What the portal administrator fills in to add a municipality.</summary>
public sealed class NyKommun
{
    [Display(Name = "kortnamn i adresser (a–z, 0–9 och bindestreck)")] public string Id { get; set; } = "";
    [Display(Name = "kommunens namn")] public string Namn { get; set; } = "";
    [Display(Name = "organisationsnummer")] public string? Organisationsnummer { get; set; }
    [Display(Name = "ledarpolicyn kopieras från")] public string PolicyFranKommun { get; set; } = "";
    [Display(Name = "mejlmallarna kopieras från")] public string MallarFranKommun { get; set; } = "";
    [Display(Name = "första administratörens förnamn")] public string Fornamn { get; set; } = "";
    [Display(Name = "första administratörens efternamn")] public string Efternamn { get; set; } = "";
    [Display(Name = "första administratörens e-postadress")] public string Epost { get; set; } = "";
}

/// <summary>
/// Who may add municipalities: the portal administrator, and no one else. The role opens nothing of any municipality's
/// records; it only reaches <see cref="KommunService"/>.
/// </summary>
public static class KommunAccess
{
    public static bool KanLaggaTill(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsInRole(Roller.Portaladministrator);
}

/// <summary>
/// A new municipality without a deploy: its row, its policy (a copy of another municipality's policy in force, published as
/// its version 1, which HR then revises), its mail templates (copies of another's latest ones) and its first Admin, who
/// chooses a password from a mailed link. Everything in one transaction.
/// </summary>
public sealed partial class KommunService(AppDbContext db, PolicyLibrary policies, PolicyLaddare laddare, IServiceScopeFactory scopes,
    Granskning.AuditLog audit, Scheduling.SchedulerRunner scheduler, Listmallkalla listor)
{
    public sealed record Kommunrad(string Id, string Namn, string? Organisationsnummer, int? PolicyVersion, int Konton);

    /// <summary>Every municipality with counts only (no person's data of another municipality); empty for anyone else.</summary>
    public async Task<IReadOnlyList<Kommunrad>> KommunerAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!KommunAccess.KanLaggaTill(actor)) return [];
        var kommuner = await db.Kommuner.AsNoTracking().OrderBy(k => k.Namn).ToListAsync(ct);
        // Across municipalities on purpose: a count per municipality, nothing else leaves the query.
        var konton = await db.Users.IgnoreQueryFilters().GroupBy(u => u.KommunId)
            .Select(g => new { g.Key, Antal = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Antal, ct);
        return kommuner.Select(k => new Kommunrad(k.Id, k.Namn, k.Organisationsnummer, policies.Find(k.Id)?.Versionsnummer,
            konton.GetValueOrDefault(k.Id))).ToList();
    }

    public async Task<CommandResult> LaggTillAsync(NyKommun ny, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!KommunAccess.KanLaggaTill(actor)) return CommandResult.Refused("Bara en portaladministratör kan lägga till kommuner.");
        var id = (ny.Id ?? "").Trim().ToLowerInvariant();
        var namn = (ny.Namn ?? "").Trim();
        var epost = (ny.Epost ?? "").Trim();
        var (fornamn, efternamn) = ((ny.Fornamn ?? "").Trim(), (ny.Efternamn ?? "").Trim());
        var orgnr = string.IsNullOrWhiteSpace(ny.Organisationsnummer) ? null : Orgnummer.Normalisera(ny.Organisationsnummer);

        var skal = new List<string>();
        if (!IdMonster().IsMatch(id)) skal.Add("Kortnamnet ska vara 2–40 tecken: små bokstäver a–z, siffror och bindestreck.");
        else if (await db.Kommuner.AnyAsync(k => k.Id == id, ct) || policies.Filer.Any(p => p.Id == id))
            skal.Add($"Kortnamnet {id} används redan.");
        if (namn.Length == 0) skal.Add("Ange kommunens namn.");
        else if (namn.Length > 100) skal.Add("Kommunens namn får vara högst 100 tecken.");
        if (!string.IsNullOrWhiteSpace(ny.Organisationsnummer) && orgnr is null)
            skal.Add("Organisationsnumret ska vara tio siffror med rätt kontrollsiffra, till exempel 212000-2411.");
        else if (orgnr is not null && await db.Kommuner.AnyAsync(k => k.Organisationsnummer == orgnr, ct))
            skal.Add("Organisationsnumret hör redan till en kommun i portalen.");
        var policy = await db.Kommuner.AnyAsync(k => k.Id == ny.PolicyFranKommun, ct) ? policies.Find(ny.PolicyFranKommun) : null;
        if (policy is null) skal.Add("Välj en kommun i portalen vars ledarpolicy kopieras.");
        if (!await db.Kommuner.AnyAsync(k => k.Id == ny.MallarFranKommun, ct)) skal.Add("Välj en kommun i portalen vars mejlmallar kopieras.");
        if (fornamn.Length == 0 || efternamn.Length == 0) skal.Add("Ange den första administratörens för- och efternamn.");
        if (epost.Length > 200 || !new EmailAddressAttribute().IsValid(epost) || !epost.Contains('.'))
            skal.Add("Ange en giltig e-postadress till den första administratören.");
        // Accounts are signed in by e-mail across the portal, so an address belongs to one account only.
        else if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == epost.ToUpperInvariant(), ct))
            skal.Add("Det finns redan ett konto med den e-postadressen.");
        if (skal.Count > 0) return CommandResult.Refused(skal);

        // The source's policy in force, renamed: the new municipality's version 1 until its HR publishes its own.
        var utkast = PolicyUtkast.FranPolicy(policy!);
        utkast.Kommun = namn;
        var text = utkast.TillFiltext(id);
        try { PolicyFileParser.Parse($"{id}.md", text); }
        catch (PolicyFormatException) { return CommandResult.Refused($"Ledarpolicyn från {policy!.Kommun} kunde inte kopieras. Välj en annan kommun."); }

        // The records below belong to the new municipality, and the context refuses writing into another municipality
        // than its scope's: so they are written in a scope of their own whose municipality is the new one, as a
        // background job writes for the municipality it runs for. Only the source templates are read across municipalities.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentKommun>().Use(id);
        var ndb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await ndb.Database.BeginTransactionAsync(ct);
        var nu = ndb.UtcNow;
        ndb.Kommuner.Add(new Kommun { Id = id, Namn = namn, Organisationsnummer = orgnr, SkapadUtc = nu });
        ndb.Add(new Policyversion
        {
            Id = Guid.NewGuid(), KommunId = id, Nummer = 1, Status = Policystatus.Publicerad, Innehall = text,
            SkapadUtc = nu, SkapadAv = actor.Namn(), PubliceradUtc = nu, PubliceradAv = actor.Namn(),
            Andringar = $"Kopia av {policy!.Kommun}s ledarpolicy, {policy.VersionBeskrivning}, när kommunen lades till i portalen.",
        });
        var mallar = await ndb.Set<Mallversion>().IgnoreQueryFilters().AsNoTracking().Where(m => m.KommunId == ny.MallarFranKommun).ToListAsync(ct);
        foreach (var m in mallar.GroupBy(m => m.Nyckel).Select(g => g.MaxBy(m => m.Nummer)!))
            ndb.Add(new Mallversion
            {
                KommunId = id, Nyckel = m.Nyckel, Nummer = 2, Namn = m.Namn, Amne = m.Amne, Rubrik = m.Rubrik, Innehall = m.Innehall,
                SkapadUtc = nu, SkapadAvUserId = actor.UserId() ?? "", SkapadAvNamn = actor.Namn(),
            });
        // A checklist the source has as its own file (Kalix's introduction) and never saved comes along as that file's text.
        foreach (var lista in Listmallar.Alla.Where(l => mallar.All(m => m.Nyckel != l.Lagrad)))
            if (listor.FilText(lista, ny.MallarFranKommun) is var fil && fil != listor.FilText(lista, id))
                ndb.Add(new Mallversion
                {
                    KommunId = id, Nyckel = lista.Lagrad, Nummer = 2, Innehall = fil,
                    SkapadUtc = nu, SkapadAvUserId = actor.UserId() ?? "", SkapadAvNamn = actor.Namn(),
                });
        // And its refusal reasons as it has them: those it added, those it no longer offers.
        foreach (var a in await ndb.Set<Avslagsskal>().IgnoreQueryFilters().AsNoTracking().Where(a => a.KommunId == ny.MallarFranKommun).ToListAsync(ct))
            ndb.Add(new Avslagsskal
            {
                KommunId = id, Nyckel = a.Nyckel, SkapadUtc = nu,
                PensioneradUtc = a.PensioneradUtc is null ? null : nu, PensioneradAvNamn = a.PensioneradUtc is null ? null : actor.Namn(),
            });
        var person = new Person { KommunId = id, Fornamn = fornamn, Efternamn = efternamn, Epost = epost, Titel = "Administratör" };
        ndb.Personer.Add(person);
        await ndb.SaveChangesAsync(ct);
        var konto = await scope.ServiceProvider.GetRequiredService<BehorighetService>().SkapaForstaAdminAsync(person, namn);
        if (!konto.Succeeded) return konto; // the transaction is not committed: nothing is stored
        // In both logs: the new municipality's own (its Admin sees who created it and its account) and the portal
        // administrator's home municipality's (where that person's actions are reviewed).
        var vad = $"Lade till {namn} ({id}) med ledarpolicyn från {policy.Kommun} och mallarna från {ny.MallarFranKommun}; första administratör {person.Namn}.";
        scope.ServiceProvider.GetRequiredService<Granskning.AuditLog>().AddI(id, actor, Granskning.AuditAction.Skapade, Granskning.Granskningsobjekt.Kommun, 0, vad);
        await ndb.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        audit.Add(actor, Granskning.AuditAction.Skapade, Granskning.Granskningsobjekt.Kommun, 0, vad);
        await db.SaveChangesAsync(ct);

        await laddare.LaddaAsync(ct); // /policy/{id} answers at once
        // Its recurring jobs (gallring, reminders, follow-ups) start now, not at the next restart.
        await scheduler.EnsureRecurringAsync([id], ct);
        return CommandResult.Done($"{namn} är tillagd med ledarpolicyn från {policy.Kommun}. {person.Namn} har fått ett mejl till {epost} för att välja lösenord.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex IdMonster();
}
