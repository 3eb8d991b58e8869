using System.Security.Claims;
using System.Text.Json;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ChefsRekrytering.AretsChef;

/// <summary>The campaign a nomination goes to: what the form and the write need, nothing more.</summary>
public sealed record OppenKampanj(int Id, int Ar, DateOnly SistaDag, bool JurynSerNominatorer, Guid? PolicyversionId = null, int? Kriterieversion = null);

/// <summary>The signed-in employee who nominates, as the sign-in cookie names them.</summary>
public sealed record Nominator(int PersonId, string Namn, string Epost);

/// <summary>A manager one can nominate: the person and the units they lead.</summary>
public sealed record Chefsval(int PersonId, string Namn, string Enheter);

/// <summary>A nominee as the jury reads them: every nomination's motivations, and the nominator only where shown.</summary>
public sealed record Nominerad(int PersonId, string Namn, string? Titel, string Enheter, IReadOnlyList<NomineringVy> Nomineringar);

public sealed record NomineringVy(long Id, IReadOnlyList<Motivering> Motiveringar, string? Nominator);

public enum NomineringsUtfall { Sparad, Stangd, SigSjalv, EjChef }

/// <summary>The nomination form as posted: the nominee and a motivation per criterion id.</summary>
public sealed record NomineringForm(int? ChefPersonId, IReadOnlyDictionary<string, string?> Motiveringar);

/// <summary>What /arets-chef shows an employee: the campaign open for nomination (with the form's criteria and managers),
/// the next one, one whose jury is at work, the latest announcement, and their own nomination.</summary>
public sealed record Nomineringssida(OppenKampanj? Oppen, Kampanj? Kommande, Kampanj? Stangd, Kampanj? Tillkannagiven,
    Nominering? Min, string? MinChef, IReadOnlyList<Kriterium> Kriterier, IReadOnlyList<Chefsval> Chefer, Bevakning? Bevakning);

/// <summary>The year whose announcement the employee can still ask to be mailed about (nomination open or jury at work),
/// and whether they have asked.</summary>
public sealed record Bevakning(int Ar, bool Pa);

/// <summary>
/// The write every employee makes, in a burst when the invitation lands: the open campaign (from memory, mostly), then
/// one guarded upsert (the unique index on campaign and nominator makes a second submit an update, never a second row)
/// and the confirmation mail, in one transaction.
/// </summary>
public sealed class NomineringService(AppDbContext db, Outbox outbox, PolicyLibrary policies, AretsChefService kampanjer, MailLinks links, IMemoryCache cache)
{
    public const int MotiveringMaxLangd = 2000;

    /// <summary>
    /// The open campaign is read by every nomination of the burst; remembering it a few seconds spares the database a
    /// query each time. Only an open campaign is remembered (one that opens is seen at once), and the write itself
    /// checks that it is still open, so a close is never missed: it only costs the first late writer a second look.
    /// </summary>
    private static readonly TimeSpan MinneAvOppenKampanj = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static string? _upsertSql;

    /// <summary>The campaign open for nomination in the user's municipality, if any.</summary>
    private async Task<OppenKampanj?> OppenAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(OppenNyckel, out OppenKampanj? kom)) return kom;
        var oppen = await db.Set<Kampanj>().AsNoTracking().Where(k => k.State == KampanjTillstand.NomineringOppen).OrderByDescending(k => k.Ar)
            .Select(k => new OppenKampanj(k.Id, k.Ar, k.SistaDag, k.JurynSerNominatorer, k.PolicyversionId, k.Kriterieversion)).FirstOrDefaultAsync(ct);
        if (oppen is not null) cache.Set(OppenNyckel, oppen, MinneAvOppenKampanj);
        return oppen;
    }

    private (string, string?) OppenNyckel => ("arets-chef:oppen-kampanj", db.CurrentKommunId);

    /// <summary>The employee's page: every campaign of the municipality read once, their own nomination (readable after the
    /// close, until the announcement), and while open the criteria and every manager but themselves.</summary>
    public async Task<Nomineringssida> SidaAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var alla = await db.Set<Kampanj>().AsNoTracking().OrderByDescending(k => k.Ar).ToListAsync(ct);
        var tillkannagiven = alla.FirstOrDefault(k => k.State == KampanjTillstand.Tillkannagiven);
        var kommande = alla.FirstOrDefault(k => k.State == KampanjTillstand.Planerad);
        var stangd = alla.FirstOrDefault(k => AretsChefWorkflow.Juryfasen.Contains(k.State));
        var oppen = alla.FirstOrDefault(k => k.State == KampanjTillstand.NomineringOppen);
        Nominering? min = null;
        string? minChef = null;
        Bevakning? bevakning = null;
        if ((oppen ?? stangd) is { } egen && AretsChefAccess.KanNominera(user))
        {
            var personId = user.PersonId();
            if (await db.Set<Nominering>().AsNoTracking().FirstOrDefaultAsync(n => n.KampanjId == egen.Id && n.NominatorPersonId == personId, ct) is { } n)
            {
                min = n;
                minChef = await db.Personer.Where(p => p.Id == n.ChefPersonId).Select(p => p.Fornamn + " " + p.Efternamn).FirstOrDefaultAsync(ct);
            }
            bevakning = new(egen.Ar, await db.Set<Bevakare>().AnyAsync(b => b.KampanjId == egen.Id && b.PersonId == personId, ct));
        }
        if (oppen is null || user.KommunId() is not { } kommunId) return new(null, kommande, stangd, tillkannagiven, min, minChef, [], [], bevakning);
        return new(new OppenKampanj(oppen.Id, oppen.Ar, oppen.SistaDag, oppen.JurynSerNominatorer, oppen.PolicyversionId, oppen.Kriterieversion), kommande, stangd, tillkannagiven, min, minChef,
            await kampanjer.KriterierAsync(oppen, ct), await ChefsvalAsync(user.PersonId(), ct), bevakning);
    }

    /// <summary>
    /// An employee asks to be mailed when the year's Årets chef is announced, or withdraws the wish, while the nomination
    /// is open or the jury is at work. Anyone with an employee record may ask, nominee or not.
    /// </summary>
    public async Task<CommandResult> BevakaAsync(bool pa, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!AretsChefAccess.KanNominera(user) || user.KommunId() != db.CurrentKommunId)
            return CommandResult.Refused("Ditt konto är inte kopplat till en anställd, så portalen har ingen att mejla.");
        var faser = AretsChefWorkflow.Juryfasen.Append(KampanjTillstand.NomineringOppen).ToArray();
        var kampanj = await db.Set<Kampanj>().AsNoTracking().Where(k => faser.Contains(k.State))
            .OrderByDescending(k => k.Ar).Select(k => new { k.Id, k.Ar }).FirstOrDefaultAsync(ct);
        if (kampanj is null) return CommandResult.Refused("Det finns ingen nominering att följa just nu.");
        var personId = user.PersonId()!.Value;
        var finns = await db.Set<Bevakare>().FirstOrDefaultAsync(b => b.KampanjId == kampanj.Id && b.PersonId == personId, ct);
        if (pa && finns is null)
            db.Add(new Bevakare { KommunId = db.CurrentKommunId!, KampanjId = kampanj.Id, PersonId = personId, SkapadUtc = db.UtcNow });
        if (!pa && finns is not null) db.Remove(finns);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the same wish twice at once: one row is the wish
        return CommandResult.Done(pa
            ? $"Du får ett mejl när Årets chef {kampanj.Ar} är utsedd."
            : $"Du får inget mejl när Årets chef {kampanj.Ar} är utsedd.");
    }

    /// <summary>Every manager of the municipality but <paramref name="utom"/> (one cannot nominate oneself), by name.</summary>
    private async Task<List<Chefsval>> ChefsvalAsync(int? utom, CancellationToken ct)
    {
        var units = await db.Enheter.AsNoTracking().Where(e => e.ChefId != null && e.ChefId != utom)
            .Select(e => new { ChefId = e.ChefId!.Value, e.Namn, e.Chef!.Fornamn, e.Chef.Efternamn }).ToListAsync(ct);
        return units.GroupBy(u => u.ChefId)
            .Select(g => new Chefsval(g.Key, $"{g.First().Fornamn} {g.First().Efternamn}", string.Join(", ", g.Select(u => u.Namn).Order())))
            .OrderBy(c => c.Namn, SwedishTime.NameOrder).ToList();
    }

    /// <summary>
    /// An employee nominates a manager of their municipality, or changes their nomination, while the nomination is open:
    /// a motivation for every required criterion, none too long, not oneself. The burst path: the open campaign and the
    /// criteria from memory, the nominator from the sign-in cookie, then one upsert with the confirmation mail.
    /// </summary>
    public async Task<CommandResult> NomineraAsync(NomineringForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.KommunId() != db.CurrentKommunId) return CommandResult.NotFound; // a nomination goes to one's own municipality only
        var oppen = await OppenAsync(ct);
        if (oppen is null) return CommandResult.Refused("Nomineringen är inte öppen.");
        if (!AretsChefAccess.KanNominera(user)) return CommandResult.Refused("Ditt konto är inte kopplat till en anställd, så du kan inte nominera.");
        var me = user.PersonId()!.Value;

        // The refusals in the form's order.
        var kriterier = await kampanjer.KriterierAsync(user.KommunId()!, oppen.PolicyversionId, oppen.Kriterieversion, ct);
        var fel = new List<string>();
        if (form.ChefPersonId is null) fel.Add("Välj den chef du nominerar.");
        else if (form.ChefPersonId == me) fel.Add("Du kan inte nominera dig själv.");
        foreach (var k in kriterier)
        {
            var text = Text(form, k.Id);
            if (k.Obligatorisk && text is null) fel.Add($"Skriv en motivering för ”{k.Rubrik}”.");
            else if (text?.Length > MotiveringMaxLangd) fel.Add($"Motiveringen för ”{k.Rubrik}” får vara högst {MotiveringMaxLangd} tecken.");
        }
        if (fel.Count > 0) return CommandResult.Refused(fel);

        var motiveringar = kriterier.Where(k => Text(form, k.Id) is not null).Select(k => new Motivering(k.Id, k.Rubrik, Text(form, k.Id)!)).ToList();
        var nominator = new Nominator(me, user.Namn(), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity!.Name!);
        return await NomineraAsync(oppen, nominator, form.ChefPersonId!.Value, motiveringar, ct) switch
        {
            NomineringsUtfall.Sparad => CommandResult.Done($"Din nominering är sparad, och en bekräftelse är på väg till din e-post. Du kan ändra den till och med {oppen.SistaDag:d MMMM}."),
            NomineringsUtfall.Stangd => CommandResult.Refused("Nomineringen har stängt."),
            NomineringsUtfall.SigSjalv => CommandResult.Refused("Du kan inte nominera dig själv."),
            _ => CommandResult.Refused("Den du valde leder ingen enhet i kommunen. Välj en chef i listan."),
        };
    }

    private static string? Text(NomineringForm form, string kriteriumId) =>
        form.Motiveringar.GetValueOrDefault(kriteriumId) is { } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;

    /// <summary>
    /// Saves the nomination, or replaces the nominator's earlier one. The statement itself checks that the campaign is
    /// still open and that the nominee leads a unit of the municipality, so a nomination racing the close or naming
    /// someone else's manager writes nothing; only then is it worth a second look to say why.
    /// </summary>
    internal async Task<NomineringsUtfall> NomineraAsync(OppenKampanj k, Nominator vem, int chefPersonId, IReadOnlyList<Motivering> motiveringar,
        CancellationToken ct = default)
    {
        if (chefPersonId == vem.PersonId) return NomineringsUtfall.SigSjalv;
        if (await SparaAsync(k, vem, chefPersonId, motiveringar, ct)) return NomineringsUtfall.Sparad;
        cache.Remove(OppenNyckel);
        if (await db.Set<Kampanj>().AnyAsync(x => x.Id == k.Id && x.State == KampanjTillstand.NomineringOppen, ct)) return NomineringsUtfall.EjChef;
        // The remembered campaign has closed; the next one may have opened since.
        return await OppenAsync(ct) is { } nu && nu.Id != k.Id
            ? await NomineraAsync(nu, vem, chefPersonId, motiveringar, ct)
            : NomineringsUtfall.Stangd;
    }

    /// <summary>The upsert and the confirmation mail in one transaction: three round trips, false if nothing was written.</summary>
    private async Task<bool> SparaAsync(OppenKampanj k, Nominator vem, int chefPersonId, IReadOnlyList<Motivering> motiveringar, CancellationToken ct)
    {
        var kommunId = db.CurrentKommunId!;
        // No savepoint around SaveChanges: nothing here retries inside the transaction, and each costs two round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var written = await db.Database.ExecuteSqlRawAsync(UpsertSql(), [kommunId, k.Id, vem.PersonId, chefPersonId,
            JsonSerializer.Serialize(motiveringar, Json), db.UtcNow, nameof(KampanjTillstand.NomineringOppen)], ct);
        if (written == 0) return false;
        await outbox.EnqueueAsync<AretsChefNomineringSparad, AretsChefNomineringSparad.Innehall>(new MailRecipient(vem.Epost, vem.Namn),
            $"Tack för din nominering till Årets chef {k.Ar}",
            new(vem.Namn, k.Ar, k.SistaDag, k.JurynSerNominatorer, policies.Find(kommunId)?.Kommun, links.For("/arets-chef")),
            topic: $"AretsChef:{k.Ar}:Nominering", kommunId: kommunId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public static List<Motivering> LasMotiveringar(string json) => JsonSerializer.Deserialize<List<Motivering>>(json, Json) ?? [];
    public static string SkrivMotiveringar(List<Motivering> m) => JsonSerializer.Serialize(m, Json);

    /// <summary>INSERT ... SELECT ... WHERE (open, leads a unit) ON CONFLICT DO UPDATE: the same text on SQLite and PostgreSQL,
    /// with the names from the EF model (<see cref="SqlNames"/>).</summary>
    private string UpsertSql() => _upsertSql ??= BuildUpsertSql();

    private string BuildUpsertSql()
    {
        var n = SqlNames.Of<Nominering>(db);
        var k = SqlNames.Of<Kampanj>(db);
        var e = SqlNames.Of<Enhet>(db);
        string kommun = n(nameof(Nominering.KommunId)), kampanj = n(nameof(Nominering.KampanjId)), nominator = n(nameof(Nominering.NominatorPersonId)),
            chef = n(nameof(Nominering.ChefPersonId)), enhet = n(nameof(Nominering.EnhetId)), motiveringar = n(nameof(Nominering.Motiveringar)),
            skapad = n(nameof(Nominering.SkapadUtc)), andrad = n(nameof(Nominering.AndradUtc));
        string enheter = e(null), enhetId = e(nameof(Enhet.Id)), enhetKommun = e(nameof(Enhet.KommunId)), enhetChef = e(nameof(Enhet.ChefId));
        return $$"""
            INSERT INTO {{n(null)}} ({{kommun}}, {{kampanj}}, {{nominator}}, {{chef}}, {{enhet}}, {{motiveringar}}, {{skapad}}, {{andrad}})
            SELECT {0}, {1}, {2}, {3},
                (SELECT MIN(u.{{enhetId}}) FROM {{enheter}} u WHERE u.{{enhetKommun}} = {0} AND u.{{enhetChef}} = {3}),
                {4}, {5}, {5}
            WHERE EXISTS (SELECT 1 FROM {{k(null)}} c WHERE c.{{k(nameof(Kampanj.Id))}} = {1} AND c.{{k(nameof(Kampanj.KommunId))}} = {0} AND c.{{k(nameof(Kampanj.State))}} = {6})
              AND EXISTS (SELECT 1 FROM {{enheter}} u WHERE u.{{enhetKommun}} = {0} AND u.{{enhetChef}} = {3})
            ON CONFLICT ({{kampanj}}, {{nominator}}) DO UPDATE SET
                {{chef}} = excluded.{{chef}}, {{enhet}} = excluded.{{enhet}}, {{motiveringar}} = excluded.{{motiveringar}}, {{andrad}} = excluded.{{andrad}}
            """;
    }
}
