using System.Security.Claims;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Chefsforsorjning;

/// <summary>The employee's own page: their entry (null before they declare), the policy's requirements and scale to
/// assess themself against, and the consent text with this deployment's retention time.</summary>
public sealed record MinIntresseanmalan(Person Person, Intresseanmalan? Anmalan, LeadershipPolicy Policy, IReadOnlyList<string> Samtycke, int Manader)
{
    /// <summary>The rows to fill in: the entry's own (as assessed), or one per requirement of the policy as it reads now.</summary>
    public IReadOnlyList<(string KravId, string Omrade, string Text, Betyg? Betyg)> Krav => Anmalan is { } a
        ? a.Ordnade.Select(s => (s.KravId, s.Omrade, s.Text, s.Betyg)).ToList()
        : Policy.AllaKrav.Select(k => (k.Id, k.AreaNamn, k.Text, (Betyg?)null)).ToList();
}

/// <summary>One entry in the pool as the chef or HR reads it.</summary>
public sealed record Poolrad(int AnmalanId, int PersonId, string Namn, string Enhet, string? Forvaltning, string Intresse, string Sammanfattning,
    bool Rekommenderad, string? Rekommendation, string? RekommenderadAv, IReadOnlyList<string> Inbjudningar, DateTime AndradUtc);

/// <summary>An open recruitment HR may invite the pool to.</summary>
public sealed record OppenRekrytering(int Id, string Titel, string Diarienummer, DateOnly SistaAnsokningsdag);

/// <summary>HR's view of the pool: the rows of the chosen förvaltning (or all), the förvaltningar to filter by, and the
/// recruitments open for applications now.</summary>
public sealed record Pool(IReadOnlyList<Poolrad> Rader, IReadOnlyList<(int Id, string Namn)> Forvaltningar, int? Forvaltning,
    IReadOnlyList<OppenRekrytering> OppnaRekryteringar);

/// <summary>The entry as the form gives it: whose, the consent tick, the interest, and a rating per requirement.</summary>
public sealed record Anmalan(int PersonId, bool Samtycke, string? Intresse, IReadOnlyList<(string KravId, Betyg? Betyg)> Skattningar);

/// <summary>
/// The internal pool (chefsförsörjning): an employee declares interest in a manager's role, their chef recommends, HR
/// finds them per förvaltning and invites them to apply to an open recruitment. Every command and query asks
/// <see cref="ChefsforsorjningAccess"/> first; a refusal changes nothing.
/// </summary>
public sealed class ChefsforsorjningService(AppDbContext db, PolicyLibrary policies, Outbox outbox, MailLinks links,
    IOptions<ChefsforsorjningOptions> options)
{
    public int Manader => options.Value.GallringManader;

    /// <summary>The signed-in employee's own entry; null for a user with no employee record.</summary>
    public async Task<MinIntresseanmalan?> MinAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ChefsforsorjningAccess.ArAnstalld(user)) return null;
        var personId = user.PersonId()!.Value;
        if (await db.Personer.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.Aktiv, ct) is not { } person) return null;
        var anmalan = await db.Set<Intresseanmalan>().AsNoTracking().Include(a => a.Skattningar).Include(a => a.Inbjudningar)
            .FirstOrDefaultAsync(a => a.PersonId == personId, ct);
        var policy = policies.For(person.KommunId, anmalan?.PolicyversionId);
        return new(person, anmalan, policy, Samtyckestext.Text(policy.Kommun, Manader), Manader);
    }

    /// <summary>The employee declares or changes their own interest, with the consent ticked each time. Refused, and
    /// nothing saved, for someone else's person id, without consent, or without saying what interests them.</summary>
    public async Task<CommandResult> SparaAsync(Anmalan input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ChefsforsorjningAccess.ArEgen(user, input.PersonId)) return CommandResult.Refused("Du kan bara anmäla ditt eget intresse.");
        if (await db.Personer.FirstOrDefaultAsync(p => p.Id == input.PersonId && p.Aktiv, ct) is not { } person) return CommandResult.NotFound;
        var hinder = new List<string>();
        if (!input.Samtycke) hinder.Add("Kryssa i att du godkänner att uppgifterna sparas. Utan ditt godkännande sparas ingen anmälan.");
        var intresse = input.Intresse?.Trim() ?? "";
        if (intresse.Length == 0) hinder.Add("Skriv vilken sorts chefsroll eller verksamhet som intresserar dig.");
        else if (intresse.Length > Intresseanmalan.IntresseMaxLangd) hinder.Add($"Intresset får vara högst {Intresseanmalan.IntresseMaxLangd} tecken.");
        if (hinder.Count > 0) return CommandResult.Refused(hinder);

        var now = db.UtcNow;
        var anmalan = await db.Set<Intresseanmalan>().Include(a => a.Skattningar).FirstOrDefaultAsync(a => a.PersonId == person.Id, ct);
        var ny = anmalan is null;
        if (anmalan is null)
        {
            var policy = policies.Get(person.KommunId);
            anmalan = new Intresseanmalan
            {
                KommunId = person.KommunId, PersonId = person.Id, SamtyckeVersion = Samtyckestext.Version, Intresse = intresse,
                PolicyversionId = policy.VersionId, SkapadUtc = now,
                Skattningar = policy.AllaKrav.Select((k, i) => new IntresseSkattning
                {
                    KommunId = person.KommunId, KravId = k.Id, Omrade = k.AreaNamn, Text = k.Text, Ordning = i,
                }).ToList(),
            };
            db.Add(anmalan);
        }
        foreach (var (kravId, betyg) in input.Skattningar)
        {
            if (anmalan.Skattningar.FirstOrDefault(s => s.KravId == kravId) is not { } rad) return db.Refuse("Okänt krav i formuläret.");
            rad.Betyg = betyg;
        }
        (anmalan.Intresse, anmalan.SamtyckeVersion, anmalan.SamtyckeUtc, anmalan.AndradUtc) = (intresse, Samtyckestext.Version, now, now);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (ny)
        {
            // The same person saved in another tab a moment ago (the unique index): theirs stands.
            db.ChangeTracker.Clear();
            return VersionedCommands.Conflict();
        }
        return CommandResult.Done(ny ? "Din intresseanmälan är sparad. Din chef och HR kan nu se den." : "Din intresseanmälan är ändrad.");
    }

    /// <summary>The employee withdraws: the entry goes now, with its self-assessment, recommendation, invitations and their mails.</summary>
    public async Task<CommandResult> AterkallaAsync(int personId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ChefsforsorjningAccess.ArEgen(user, personId)) return CommandResult.Refused("Du kan bara ta tillbaka din egen intresseanmälan.");
        var anmalningar = await Laddade().Where(a => a.PersonId == personId).ToListAsync(ct);
        if (anmalningar.Count == 0) return CommandResult.Refused("Du har ingen intresseanmälan att ta tillbaka.");
        await TaBortAsync(anmalningar, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done("Din intresseanmälan är borttagen, med allt som hörde till den.");
    }

    /// <summary>The entries of the user's own staff: the people whose chef the user is now.</summary>
    public async Task<IReadOnlyList<Poolrad>> MedarbetareAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ChefsforsorjningAccess.ArAnstalld(user)) return [];
        var org = await db.LoadOrgChartAsync(ct);
        var alla = await Laddade().AsNoTracking().Include(a => a.Person).ToListAsync(ct);
        return alla.Where(a => ChefsforsorjningAccess.ArChefFor(user, a.PersonId, org)).Select(a => Rad(a, org)).OrderBy(r => r.Namn).ToList();
    }

    /// <summary>The chef recommends one of their staff, with a short motivation.</summary>
    public Task<CommandResult> RekommenderaAsync(int anmalanId, string? motivering, ClaimsPrincipal user, CancellationToken ct = default) =>
        SomChefAsync(anmalanId, user, a =>
        {
            var text = motivering?.Trim() ?? "";
            if (text.Length == 0) return CommandResult.Refused("Skriv en kort motivering till rekommendationen.");
            if (text.Length > Intresseanmalan.MotiveringMaxLangd) return CommandResult.Refused($"Motiveringen får vara högst {Intresseanmalan.MotiveringMaxLangd} tecken.");
            (a.RekommenderadAvPersonId, a.RekommenderadAv, a.Rekommendation, a.RekommenderadUtc) = (user.PersonId(), user.Namn(), text, db.UtcNow);
            return CommandResult.Done($"Du har rekommenderat {a.Person!.Namn}.");
        }, ct);

    /// <summary>The chef takes their recommendation back.</summary>
    public Task<CommandResult> AterkallaRekommendationAsync(int anmalanId, ClaimsPrincipal user, CancellationToken ct = default) =>
        SomChefAsync(anmalanId, user, a =>
        {
            if (!a.ArRekommenderad) return CommandResult.Refused($"{a.Person!.Namn} är inte rekommenderad.");
            (a.RekommenderadAvPersonId, a.RekommenderadAv, a.Rekommendation, a.RekommenderadUtc) = (null, null, null, null);
            return CommandResult.Done($"Rekommendationen av {a.Person!.Namn} är borttagen.");
        }, ct);

    private async Task<CommandResult> SomChefAsync(int anmalanId, ClaimsPrincipal user, Func<Intresseanmalan, CommandResult> change, CancellationToken ct)
    {
        if (!ChefsforsorjningAccess.ArAnstalld(user)) return CommandResult.Refused(BaraChefen);
        var anmalan = await db.Set<Intresseanmalan>().Include(a => a.Person).FirstOrDefaultAsync(a => a.Id == anmalanId, ct);
        if (anmalan is null) return CommandResult.NotFound;
        if (!ChefsforsorjningAccess.ArChefFor(user, anmalan.PersonId, await db.LoadOrgChartAsync(ct))) return CommandResult.Refused(BaraChefen);
        var result = change(anmalan);
        if (!result.Succeeded) return db.Refuse(result.Reasons);
        await db.SaveChangesAsync(ct);
        return result;
    }

    private const string BaraChefen = "Bara medarbetarens chef kan rekommendera. Du kan rekommendera medarbetare på enheter som du är chef för.";

    /// <summary>HR's view of the pool, filtered by förvaltning; null for anyone but HR.</summary>
    public async Task<Pool?> PoolAsync(int? forvaltningId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ChefsforsorjningAccess.ArHr(user)) return null;
        var org = await db.LoadOrgChartAsync(ct);
        var forvaltningar = org.InTreeOrder().Where(x => x.Unit.Typ == EnhetTyp.Forvaltning).Select(x => (x.Unit.Id, x.Unit.Namn)).ToList();
        var alla = await Laddade().AsNoTracking().Include(a => a.Person).ToListAsync(ct);
        var rader = alla.Where(a => forvaltningId is not int f || ForvaltningFor(a.Person!.EnhetId, org)?.Id == f)
            .Select(a => Rad(a, org)).OrderBy(r => r.Forvaltning).ThenBy(r => r.Namn).ToList();
        var today = Idag;
        var oppna = await OppnaRekryteringar(today).OrderBy(r => r.SistaAnsokningsdag)
            .Select(r => new OppenRekrytering(r.Id, r.Titel, r.Diarienummer, r.SistaAnsokningsdag!.Value)).ToListAsync(ct);
        return new(rader, forvaltningar, forvaltningId, oppna);
    }

    /// <summary>
    /// HR invites the chosen pool members to apply to a recruitment open for applications: one mail each through the
    /// outbox with the advert's link, and the invitation recorded, so nobody is invited twice to the same recruitment.
    /// </summary>
    public async Task<CommandResult> BjudInAsync(int rekryteringId, IReadOnlyList<int> anmalanIds, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ChefsforsorjningAccess.ArHr(user)) return CommandResult.Refused("Bara HR kan bjuda in från chefsförsörjningens pool.");
        var r = await db.Set<Rekrytering>().FirstOrDefaultAsync(x => x.Id == rekryteringId, ct);
        if (r is null) return CommandResult.Refused("Välj en rekrytering att bjuda in till.");
        var today = Idag;
        if (r.State != RekryteringsTillstand.Annonserad || r.SistaAnsokningsdag is not { } sista || sista < today)
            return CommandResult.Refused($"Rekryteringen {r.Titel} är inte utannonserad och öppen för ansökningar, så ingen kan bjudas in att söka den.");
        if (anmalanIds.Count == 0) return CommandResult.Refused("Välj minst en person i poolen att bjuda in.");
        var valda = await db.Set<Intresseanmalan>().Include(a => a.Person).Include(a => a.Inbjudningar)
            .Where(a => anmalanIds.Contains(a.Id)).ToListAsync(ct);
        var kommun = policies.Find(r.KommunId)?.Kommun;
        var lank = links.For($"/jobb/{r.Id}");
        var (skickade, redan) = (0, 0);
        foreach (var a in valda)
        {
            if (a.Inbjudningar.Any(i => i.RekryteringId == r.Id)) { redan++; continue; }
            await outbox.EnqueueAsync<ChefsforsorjningInbjudan, ChefsforsorjningInbjudan.Innehall>(new MailRecipient(a.Person!.Epost, a.Person.Namn),
                $"Välkommen att söka: {r.Titel}", new(a.Person.Fornamn, r.Titel, r.Diarienummer, sista, kommun, lank), Amne(a.Id), r.KommunId);
            a.Inbjudningar.Add(new Poolinbjudan { KommunId = r.KommunId, RekryteringId = r.Id, Tjanst = r.Titel, SkickadUtc = db.UtcNow, SkickadAv = user.Namn() });
            skickade++;
        }
        if (skickade == 0)
            return CommandResult.Refused(redan > 0 ? $"Ingen ny inbjudan skickades: de valda är redan inbjudna till {r.Titel}." : "De valda finns inte längre i poolen.");
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"{SwedishText.Antal(skickade, "inbjudan", "inbjudningar")} till {r.Titel} skickas."
            + (redan > 0 ? $" {SwedishText.Antal(redan, "person var", "personer var")} redan inbjudna och fick ingen ny." : ""));
    }

    /// <summary>How many of the user's staff have declared interest, for the chef's overview.</summary>
    public async Task<int> AntalMedarbetareAsync(ClaimsPrincipal user, CancellationToken ct = default) => (await MedarbetareAsync(user, ct)).Count;

    /// <summary>
    /// Gallring of the pool in the current municipality: entries not changed for the retention time, and entries of
    /// people who have left, go whole with their mails. Returns how many went.
    /// </summary>
    public async Task<int> GallraAsync(CancellationToken ct = default)
    {
        var grans = db.UtcNow.AddMonths(-Manader);
        var forfallna = await Laddade().Where(a => a.AndradUtc < grans || !db.Personer.Any(p => p.Id == a.PersonId && p.Aktiv)).ToListAsync(ct);
        if (forfallna.Count == 0) return 0;
        await TaBortAsync(forfallna, ct);
        await db.SaveChangesAsync(ct);
        return forfallna.Count;
    }

    /// <summary>The person who has left leaves the pool (<see cref="Avgang"/>); the caller saves.</summary>
    public static async Task LamnaPoolenAsync(AppDbContext db, int personId, CancellationToken ct)
    {
        var anmalningar = await db.Set<Intresseanmalan>().Include(a => a.Skattningar).Include(a => a.Inbjudningar).Where(a => a.PersonId == personId).ToListAsync(ct);
        await TaBortAsync(db, anmalningar, ct);
    }

    private Task TaBortAsync(IReadOnlyList<Intresseanmalan> anmalningar, CancellationToken ct) => TaBortAsync(db, anmalningar, ct);

    /// <summary>Entries go whole: their rows and invitations by cascade, and the invitations' mails by their topic.</summary>
    private static async Task TaBortAsync(AppDbContext db, IReadOnlyList<Intresseanmalan> anmalningar, CancellationToken ct)
    {
        var amnen = anmalningar.Select(a => Amne(a.Id)).ToList();
        db.RemoveRange(await db.Set<OutboxMessage>().Where(m => amnen.Contains(m.Topic)).ToListAsync(ct));
        db.RemoveRange(anmalningar);
    }

    /// <summary>The outbox topic of an entry's mails: what goes with it.</summary>
    private static string Amne(int anmalanId) => $"Intresseanmalan:{anmalanId}";

    private IQueryable<Intresseanmalan> Laddade() => db.Set<Intresseanmalan>().Include(a => a.Skattningar).Include(a => a.Inbjudningar);

    private DateOnly Idag => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    private IQueryable<Rekrytering> OppnaRekryteringar(DateOnly today) =>
        db.Set<Rekrytering>().Where(r => r.State == RekryteringsTillstand.Annonserad && r.SistaAnsokningsdag >= today);

    private static Poolrad Rad(Intresseanmalan a, OrgChart org) => new(a.Id, a.PersonId, a.Person!.Namn,
        a.Person.EnhetId is int e ? org.Unit(e)?.Namn ?? "" : "", ForvaltningFor(a.Person.EnhetId, org)?.Namn, a.Intresse, a.Sammanfattning,
        a.ArRekommenderad, a.Rekommendation, a.RekommenderadAv,
        a.Inbjudningar.OrderBy(i => i.SkickadUtc).Select(i => $"{i.Tjanst} ({SwedishTime.ToLocal(i.SkickadUtc):yyyy-MM-dd})").ToList(), a.AndradUtc);

    /// <summary>The förvaltning a unit belongs to: itself or the nearest above it of that type; null outside any.</summary>
    private static Enhet? ForvaltningFor(int? enhetId, OrgChart org)
    {
        for (var u = enhetId is int id ? org.Unit(id) : null; u is not null; u = u.OverordnadId is int o ? org.Unit(o) : null)
            if (u.Typ == EnhetTyp.Forvaltning) return u;
        return null;
    }
}

/// <summary>The pool in the register extract: the entry, the self-assessment, the recommendation and the invitations.</summary>
public sealed class ChefsforsorjningRegisterutdrag(AppDbContext db) : IRegisterutdragBidrag
{
    public async Task<IReadOnlyList<Avsnitt>> AvsnittAsync(Registerperson person, Utdragsmottagare mottagare, CancellationToken ct)
    {
        var ids = person.PersonIds;
        var anmalningar = await db.Set<Intresseanmalan>().AsNoTracking().Include(a => a.Skattningar).Include(a => a.Inbjudningar)
            .Where(a => ids.Contains(a.PersonId)).ToListAsync(ct);
        if (anmalningar.Count == 0) return [];
        static string Tid(DateTime utc) => SwedishTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");
        var poster = new List<Post>();
        foreach (var a in anmalningar)
        {
            poster.Add(new("Intresseanmälan",
            [
                new("Intresse", a.Intresse), new("Anmäld", Tid(a.SkapadUtc)), new("Senast ändrad", Tid(a.AndradUtc)),
                new("Samtycke", $"version {a.SamtyckeVersion}, {Tid(a.SamtyckeUtc)}"),
                new("Rekommenderad av chefen", a.ArRekommenderad ? $"{a.RekommenderadAv}, {Tid(a.RekommenderadUtc!.Value)}" : "nej"),
                new("Chefens motivering", a.Rekommendation),
            ]));
            poster.Add(new("Självskattning mot ledarpolicyn",
                a.Ordnade.Select(s => new Uppgift(s.Text, s.Betyg is { } b ? SwedishText.Of(b) : "inte skattat")).ToList()));
            poster.AddRange(a.Inbjudningar.OrderBy(i => i.SkickadUtc).Select(i => new Post($"Inbjudan att söka {i.Tjanst}",
                [new("Tjänst", i.Tjanst), new("Skickad", Tid(i.SkickadUtc)), new("Skickad av", i.SkickadAv)])));
        }
        return [new("Chefsförsörjning", "Din intresseanmälan till kommunens chefsförsörjning: vad du är intresserad av, din självskattning, " +
            "din chefs rekommendation och vilka tjänster HR har bjudit in dig att söka. Sparas tills du tar tillbaka den eller den gallras.", poster)];
    }
}

/// <summary>The pool's services, its retention setting and its part of the register extract.</summary>
public static class ChefsforsorjningServiceExtensions
{
    public static IServiceCollection AddPortalChefsforsorjning(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ChefsforsorjningOptions>()
            .Bind(config.GetSection(ChefsforsorjningOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ChefsforsorjningService>();
        services.AddScoped<IRegisterutdragBidrag, ChefsforsorjningRegisterutdrag>();
        return services;
    }
}
