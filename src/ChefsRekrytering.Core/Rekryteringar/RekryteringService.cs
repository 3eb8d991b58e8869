using System.Security.Claims;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>Something that must happen when a recruitment is filled (the new manager's introduction, for one).</summary>
public interface IRekryteringTillsattHandler
{
    Task OnTillsattAsync(Rekrytering rekrytering, Kandidat anstalld, Actor actor, CancellationToken ct);
}

/// <summary>The need as the recruiting manager describes it, when creating the recruitment and while it is assessed.</summary>
public sealed record Behov(string Titel, int EnhetId, string Behovsbeskrivning, Anstallningsform Anstallningsform, int Omfattning, DateOnly? OnskatTilltrade);

/// <summary>One requirement of the policy as the manager weighs it for the post: in the profile or not, its weight 1–5 and
/// the interview question (the standard one when empty).</summary>
public sealed record PolicyKravval(string KravId, bool Med, int Vikt, string? Fraga);

/// <summary>A competence the manager adds for the role; a row with no text is no competence.</summary>
public sealed record EgenKompetens(string? Text, int Vikt, string? Fraga);

/// <summary>What the kravprofil form sends: every requirement of the policy, and the role's own competences.</summary>
public sealed record Kravprofilval(IReadOnlyList<PolicyKravval> Policykrav, IReadOnlyList<EgenKompetens> Egna);

/// <summary>A choice for the interview panel: an account of the municipality not yet in the recruitment.</summary>
public sealed record Panelval(string UserId, string Namn);

/// <summary>One step of the recruitment as the page shows it: offered as a button now (telling the remaining applicants
/// first when <see cref="BeskedForst"/>), or why it must wait, the user's own lack of right first.</summary>
public sealed record Rekryteringssteg(RekryteringsHandelse Handelse, string Namn, bool Erbjuds, bool KraverSkal, bool BeskedForst,
    IReadOnlyList<string> Hinder);

/// <summary>Which forms of the recruitment's page this user may use now: the same rules the commands behind them apply.</summary>
public sealed record Rekryteringsformular(bool Behov, bool Las, bool Kravprofil, bool Annons, bool Panel, bool Mbl, bool Beslut, bool Arkiv);

/// <summary>A recruitment as one user may see it (<see cref="RekryteringAccess"/>): what they may do with it.</summary>
public sealed record SynligRekrytering(Rekrytering Rekrytering, bool KanDriva, bool ArHr, bool KanBedoma);

/// <summary>The recruitment's own page: the record, its process, the next steps, the forms, its history and panel choices.</summary>
public sealed record Rekryteringsoversikt(
    Rekrytering Rekrytering, RekryteringWorkflow Process, bool KanDriva, bool ArHr, IReadOnlyList<Rekryteringssteg> NastaSteg,
    Rekryteringsformular Formular, IReadOnlyList<WorkflowTransition> Historik, IReadOnlyList<Panelval> Panelval);

/// <summary>Which recruitments the list shows: the open ones (default), the ended ones, or all.</summary>
public enum Listfas { Pagaende, Avslutade, Alla }

/// <summary>One line of the recruitment list.</summary>
public sealed record Rekryteringsrad(int Id, string Diarienummer, string Titel, string Enhet, string Agare, RekryteringsTillstand State, int Sokande);

/// <summary>One page of the recruitment list: its lines, how many there are in all, and which page this is (1…).</summary>
public sealed record Rekryteringslista(IReadOnlyList<Rekryteringsrad> Rader, int Totalt, int Sida)
{
    public const int PerSida = 50;
    public int Sidor => SidorFor(Totalt);
    public static int SidorFor(int totalt) => Math.Max(1, (totalt + PerSida - 1) / PerSida);
}

/// <summary>The kravprofil page: the recruitment, the municipality's policy it is built from, and whether this user builds it now.</summary>
public sealed record Kravprofilvy(Rekrytering Rekrytering, LeadershipPolicy Policy, bool KanAndra, Intervjuformulering Formulering);

/// <summary>The recruitment as a public record, ready to be handed out.</summary>
public sealed record Utlamnandefil(string Filnamn, byte[] Innehall);

/// <summary>
/// Every change to a recruitment, one command per thing a person means to do: it loads the record, applies
/// <see cref="RekryteringAccess"/>, checks the version the person saw, lets <see cref="RekryteringWorkflow"/> decide what
/// is allowed, and saves the change with its consequences (mails through the outbox, deadlines in the scheduler,
/// journal) in one transaction. The queries the pages show apply the same access rule: what a user may not see is null.
/// </summary>
public sealed class RekryteringService(
    AppDbContext db, Outbox outbox, Scheduler scheduler, PolicyLibrary policies, IEnumerable<IRekryteringTillsattHandler> onTillsatt,
    Gallring gallring, AuditLog audit, MailLinks links, Intervjuformuleringar formuleringar, Platsbanken.PlatsbankenService platsbanken)
{
    public const string AnsokningstidSlutJobb = "rekrytering-ansokningstid-slut";

    /// <summary>Said when someone else saved the recruitment since the person's page was built.</summary>
    public const string AndradSamtidigt = VersionedCommands.ConflictText;

    internal DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    // ---- Queries ----

    /// <summary>Loads a recruitment with everything its guards and pages need, through the municipality filter but without
    /// the access rule: for the scheduler, seeding and tests. Pages use the queries below.</summary>
    internal Task<Rekrytering?> LoadAsync(int id, CancellationToken ct = default) => db.Set<Rekrytering>()
        .Include(r => r.Enhet)
        .Include(r => r.Panel)
        .Include(r => r.Kravprofiler).ThenInclude(k => k.Kompetenser)
        .Include(r => r.Kandidater).ThenInclude(k => k.Bedomningar)
        .Include(r => r.Kandidater).ThenInclude(k => k.Referenser)
        .Include(r => r.Kandidater).ThenInclude(k => k.Urvalssvar)
        .Include(r => r.Kandidater).ThenInclude(k => k.Taggar)
        .Include(r => r.Urvalsfragor)
        .AsSplitQuery()
        .FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The recruitment if this user may see it (owner, HR, panel), with what they may do; else null, whether it
    /// exists or not, so nobody learns what exists.</summary>
    public async Task<SynligRekrytering?> SynligAsync(int id, ClaimsPrincipal user, CancellationToken ct = default) =>
        await LoadAsync(id, ct) is { } r && RekryteringAccess.CanView(user, r)
            ? new(r, RekryteringAccess.CanManage(user, r), RekryteringAccess.IsHr(user), RekryteringAccess.CanAssess(user, r))
            : null;

    /// <summary>The recruitment's page for this user, or null when they may not see it.</summary>
    public async Task<Rekryteringsoversikt?> OversiktAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligAsync(id, user, ct) is not { Rekrytering: var r } synlig) return null;
        var historik = await db.WorkflowTransitions.AsNoTracking()
            .Where(t => t.Workflow == "Rekrytering" && t.SubjectId == id).OrderBy(t => t.Id).ToListAsync(ct);
        var panelval = (await db.Users.Where(u => u.KommunId == r.KommunId).OrderBy(u => u.Namn).Select(u => new { u.Id, u.Namn }).ToListAsync(ct))
            .Where(u => u.Id != r.AgareUserId && r.Panel.All(p => p.UserId != u.Id))
            .Select(u => new Panelval(u.Id, u.Namn)).ToList();
        return new(r, Workflow(r), synlig.KanDriva, synlig.ArHr, NastaSteg(r, user), Formular(r, user), historik, panelval);
    }

    /// <summary>The kravprofil page for this user, or null when they may not see the recruitment.</summary>
    public async Task<Kravprofilvy?> KravprofilAsync(int id, ClaimsPrincipal user, CancellationToken ct = default) =>
        await SynligAsync(id, user, ct) is { Rekrytering: var r } synlig
            ? new(r, policies.Get(r.KommunId), synlig.KanDriva && Rekrytering.ForeAnnonseringen.Contains(r.State), await formuleringar.ForAsync(db, r.KommunId, ct))
            : null;

    /// <summary>How the municipality words its interview questions, follow-up questions and scale.</summary>
    public Task<Intervjuformulering> IntervjuformuleringAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        formuleringar.ForAsync(db, user.KommunId() ?? "", ct);

    /// <summary>
    /// The recruitments this user may see, newest first, one page at a time. Two queries whatever the data size: the total,
    /// and one page with the applicant counts computed in the database.
    /// </summary>
    public async Task<Rekryteringslista> ListaAsync(Listfas fas, int sida, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var query = db.Set<Rekrytering>().AsNoTracking().VisibleTo(user);
        query = fas switch
        {
            Listfas.Avslutade => query.Where(r => !Rekrytering.OppnaIFragor.Contains(r.State)),
            Listfas.Alla => query,
            _ => query.Where(r => Rekrytering.OppnaIFragor.Contains(r.State)),
        };
        var totalt = await query.CountAsync(ct);
        sida = Math.Clamp(sida, 1, Rekryteringslista.SidorFor(totalt));
        var rader = await query.OrderByDescending(r => r.Id).Skip((sida - 1) * Rekryteringslista.PerSida).Take(Rekryteringslista.PerSida)
            .Select(r => new Rekryteringsrad(r.Id, r.Diarienummer, r.Titel, r.Enhet!.Namn, r.AgareNamn, r.State, r.Kandidater.Count))
            .ToListAsync(ct);
        return new(rader, totalt, sida);
    }

    /// <summary>The municipality's units a recruitment can be for, by name.</summary>
    public async Task<IReadOnlyList<Organisation.Enhet>> EnheterAsync(CancellationToken ct = default) =>
        await db.Enheter.AsNoTracking().OrderBy(e => e.Namn).ToListAsync(ct);

    /// <summary>The steps the current phase knows, each offered or with its reasons, the user's right included.</summary>
    private List<Rekryteringssteg> NastaSteg(Rekrytering r, ClaimsPrincipal user) => Workflow(r).Actions().Select(a =>
    {
        var nekad = RekryteringAccess.DenialToFire(user, r, a.Trigger);
        var erbjuds = nekad is null && Erbjuds(a);
        return new Rekryteringssteg(a.Trigger, a.Label, erbjuds, a.RequiresComment, erbjuds && !a.Permitted,
            nekad is null ? a.Reasons : [nekad, .. a.Reasons]);
    }).ToList();

    private static Rekryteringsformular Formular(Rekrytering r, ClaimsPrincipal user)
    {
        var driver = RekryteringAccess.CanManage(user, r);
        return new(
            Behov: driver && Rekrytering.BehovetProvas.Contains(r.State),
            Las: RekryteringAccess.CanCheckLas(user) && Rekrytering.ForeAnnonseringen.Contains(r.State),
            Kravprofil: driver && Rekrytering.ForeAnnonseringen.Contains(r.State),
            Annons: driver && (Rekrytering.AnnonsenSkrivs.Contains(r.State) || r.State == RekryteringsTillstand.Annonserad),
            Panel: driver && r.ArOppen,
            // Registered once a candidate is proposed: it takes the recruitment from references through MBL to the decision.
            Mbl: driver && (r.State == RekryteringsTillstand.FackligSamverkan
                || (r.State == RekryteringsTillstand.Referenser && r.Kandidater.Any(k => k.State == KandidatTillstand.Foreslagen))),
            Beslut: driver && r.State == RekryteringsTillstand.Beslut,
            Arkiv: RekryteringAccess.CanKeepRecords(user));
    }

    // ---- Commands ----

    /// <summary>A new recruitment with its need, numbered in the municipality's series of the year.</summary>
    /// <summary>With <paramref name="skicka"/>, the need also goes to HR for approval in the same step (one form, not two).</summary>
    public async Task<CommandResult<int>> SkapaAsync(Behov behov, ClaimsPrincipal user, CancellationToken ct = default, bool skicka = false)
    {
        if (!RekryteringAccess.CanCreate(user)) return new(CommandResult.Refused("Bara rekryterande chef och HR kan starta en rekrytering."), 0);
        if (await BehovsfelAsync(behov, ct) is { Count: > 0 } fel) return new(CommandResult.Refused(fel), 0);
        var kommunId = user.KommunId()!;
        var r = new Rekrytering
        {
            KommunId = kommunId, Diarienummer = await Diarium.NextAsync(db, kommunId, SwedishTime.ToLocal(db.UtcNow).Year, ct),
            Titel = behov.Titel.Trim(), EnhetId = behov.EnhetId, AgareUserId = user.UserId()!, AgareNamn = user.Namn(), SkapadUtc = db.UtcNow,
        };
        Tillampa(r, behov);
        db.Add(r);
        await db.SaveChangesAsync(ct); // the id names the recruitment in the journal of the step below
        if (!skicka) return new(CommandResult.Done($"Rekryteringen {r.Diarienummer} är skapad."), r.Id);
        var skickad = await FireAsync(r, RekryteringsHandelse.SkickaForBehovsprovning, user.Actor(), null, ct);
        if (!skickad.Succeeded)
            return new(CommandResult.Done($"Rekryteringen {r.Diarienummer} är skapad men inte skickad till HR: {string.Join(" ", skickad.Reasons)}"), r.Id);
        await db.SaveChangesAsync(ct);
        return new(CommandResult.Done($"Rekryteringen {r.Diarienummer} är skapad och behovet är skickat till HR för behovsprövning."), r.Id);
    }

    /// <summary>The need as changed before it is approved.</summary>
    public Task<CommandResult> SparaBehovAsync(int id, Guid version, Behov behov, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, async r =>
        {
            if (!Rekrytering.BehovetProvas.Contains(r.State)) return CommandResult.Refused("Behovet kan bara ändras före godkännandet.");
            if (await BehovsfelAsync(behov, ct) is { Count: > 0 } fel) return CommandResult.Refused(fel);
            Tillampa(r, behov);
            return await db.CommitAsync(r, "Behovet är sparat.", ct);
        });

    /// <summary>HR's check of the LAS priority right (25 §), before the advert.</summary>
    /// <remarks>With <paramref name="godkann"/>, HR approves the need in the same step: the check is the last thing the
    /// approval waits for.</remarks>
    public Task<CommandResult> RegistreraLasAsync(int id, Guid version, LasUtfall? utfall, string? kommentar, ClaimsPrincipal user,
        CancellationToken ct = default, bool godkann = false) => ChangeAsync(id, version, user, ct, async r =>
        {
            if (!RekryteringAccess.CanCheckLas(user)) return CommandResult.Refused("Företrädesrätten kontrolleras av HR.");
            if (!Rekrytering.ForeAnnonseringen.Contains(r.State)) return CommandResult.Refused("Företrädesrätten kontrolleras före annonseringen.");
            if (utfall is not { } u || !Enum.IsDefined(u)) return CommandResult.Refused("Välj utfallet av kontrollen.");
            (r.LasUtfall, r.LasKommentar, r.LasKontrolleradUtc, r.LasKontrolleradAv) = (u, Trimmad(kommentar), db.UtcNow, user.Namn());
            if (!godkann) return await db.CommitAsync(r, "Kontrollen av företrädesrätt är registrerad.", ct);
            if (RekryteringAccess.DenialToFire(user, r, RekryteringsHandelse.GodkannBehov) is { } nekad) return db.Refuse(nekad);
            var result = await FireAsync(r, RekryteringsHandelse.GodkannBehov, user.Actor(), null, ct);
            return result.Succeeded
                ? await db.CommitAsync(r, "Kontrollen av företrädesrätt är registrerad och behovet är godkänt.", ct)
                : db.Refuse(result.Reasons);
        });

    /// <summary>Saves the profile being built as a draft: a fixed version never changes, so editing one starts the next.</summary>
    public Task<CommandResult> SparaKravprofilAsync(int id, Guid version, Kravprofilval val, ClaimsPrincipal user, CancellationToken ct = default) =>
        ByggKravprofilAsync(id, version, val, faststall: false, user, ct);

    /// <summary>Fixes the profile: the competences every candidate is asked about and scored on. At least one is needed.</summary>
    public Task<CommandResult> FaststallKravprofilAsync(int id, Guid version, Kravprofilval val, ClaimsPrincipal user, CancellationToken ct = default) =>
        ByggKravprofilAsync(id, version, val, faststall: true, user, ct);

    private async Task<CommandResult> ByggKravprofilAsync(int id, Guid version, Kravprofilval val, bool faststall, ClaimsPrincipal user, CancellationToken ct)
    {
        var formulering = await formuleringar.ForAsync(db, user.KommunId() ?? "", ct);
        return await ChangeAsync(id, version, user, ct, r =>
        {
            if (!Rekrytering.ForeAnnonseringen.Contains(r.State)) return Refused("Kravprofilen kan bara ändras innan annonsen publiceras.");
            var policy = policies.Get(r.KommunId);
            var krav = policy.AllaKrav.ToDictionary(k => k.Id);
            if (val.Policykrav.Any(v => !krav.ContainsKey(v.KravId))) return Refused("Okänt krav i formuläret.");
            var valda = val.Policykrav.Where(v => v.Med).ToList();
            var egna = val.Egna.Where(e => !string.IsNullOrWhiteSpace(e.Text)).ToList();
            if (valda.Select(v => v.Vikt).Concat(egna.Select(e => e.Vikt)).Any(v => v is < 1 or > 5)) return Refused("Vikten ska vara från 1 till 5.");
            if (faststall && valda.Count + egna.Count == 0) return Refused("Välj minst en kompetens innan kravprofilen fastställs.");

            // Editing a fixed profile starts the next version; a draft is edited in place.
            var utkast = r.Utkastprofil;
            if (utkast is null)
            {
                utkast = new Kravprofil { KommunId = r.KommunId, Version = (r.Kravprofiler.Max(k => (int?)k.Version) ?? 0) + 1 };
                r.Kravprofiler.Add(utkast);
            }
            utkast.Kompetenser.Clear();
            utkast.PolicyversionId = policy.VersionId;
            var ordning = 0;
            foreach (var v in valda)
            {
                var k = krav[v.KravId];
                utkast.Kompetenser.Add(new KravprofilKompetens
                {
                    KommunId = r.KommunId, PolicyKravId = k.Id, Omrade = k.AreaNamn, Text = k.Text, Vikt = v.Vikt,
                    Intervjufraga = Trimmad(v.Fraga) ?? Intervjufragor.For(k.Text, formulering), Ordning = ordning++,
                });
            }
            foreach (var e in egna)
                utkast.Kompetenser.Add(new KravprofilKompetens
                {
                    KommunId = r.KommunId, Omrade = "Rollspecifik kompetens", Text = e.Text!.Trim(), Vikt = e.Vikt,
                    Intervjufraga = Trimmad(e.Fraga) ?? Intervjufragor.For(e.Text, formulering), Ordning = ordning++,
                });
            if (faststall) (utkast.Faststalld, utkast.FaststalldUtc, utkast.FaststalldAv) = (true, db.UtcNow, user.Namn());
            return db.CommitAsync(r, faststall ? $"Kravprofilen version {utkast.Version} är fastställd." : $"Utkastet till version {utkast.Version} är sparat.", ct);
        });
    }

    /// <summary>The advert's text and last application day, until it is published. The last day lies between today and a
    /// year ahead.</summary>
    /// <remarks>With <paramref name="publicera"/>, the advert as saved is published in the same step. <paramref name="falt"/>
    /// (what Platsbanken needs) is kept as stored when null. While published, the text and those fields may still change
    /// (the advert in Platsbanken is updated), the last application day not.</remarks>
    public Task<CommandResult> SparaAnnonsAsync(int id, Guid version, string annonstext, DateOnly sistaAnsokningsdag, ClaimsPrincipal user,
        CancellationToken ct = default, bool publicera = false, Platsbanken.Platsbanksfalt? falt = null) => ChangeAsync(id, version, user, ct, async r =>
        {
            if (r.State == RekryteringsTillstand.Annonserad && !publicera)
            {
                if (sistaAnsokningsdag != r.SistaAnsokningsdag) return CommandResult.Refused("Sista ansökningsdag kan inte ändras när annonsen är publicerad.");
                r.Annonstext = annonstext.Trim();
                platsbanken.Tillampa(falt, r);
                if (platsbanken.Hinder(r, Today) is { Count: > 0 } hinder) return db.Refuse(hinder);
                await platsbanken.KoaAsync(r, ct);
                return await db.CommitAsync(r, "Annonsen är ändrad.", ct);
            }
            if (!Rekrytering.AnnonsenSkrivs.Contains(r.State)) return CommandResult.Refused("Annonsen kan bara ändras innan den publiceras.");
            var fonster = SistaAnsokningsdagar(Today);
            if (!fonster.Rymmer(sistaAnsokningsdag)) return CommandResult.Refused($"Sista ansökningsdag ska ligga {fonster.Text}.");
            (r.Annonstext, r.SistaAnsokningsdag) = (annonstext.Trim(), sistaAnsokningsdag);
            platsbanken.Tillampa(falt, r);
            if (!publicera) return await db.CommitAsync(r, "Annonsen är sparad.", ct);
            var result = await FireAsync(r, RekryteringsHandelse.PubliceraAnnons, user.Actor(), null, ct);
            return result.Succeeded ? await db.CommitAsync(r, "Annonsen är sparad och publicerad.", ct) : db.Refuse(result.Reasons);
        });

    /// <summary>From today to a year ahead: the days an advert may close on.</summary>
    public static Datumfonster SistaAnsokningsdagar(DateOnly idag) => new(idag, idag.AddYears(1));

    /// <summary>Adds an account of the municipality to the interview panel, while the recruitment is open.</summary>
    public Task<CommandResult> LaggTillIPanelenAsync(int id, Guid version, string? userId, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, async r =>
        {
            if (!r.ArOppen) return CommandResult.Refused("Intervjupanelen ändras medan rekryteringen pågår.");
            var konto = userId is null ? null : await db.Users.Where(u => u.Id == userId && u.KommunId == r.KommunId)
                .Select(u => new { u.Id, u.Namn }).FirstOrDefaultAsync(ct);
            if (konto is null) return CommandResult.Refused("Välj en person i kommunen.");
            if (r.Panel.Any(p => p.UserId == konto.Id) || konto.Id == r.AgareUserId) return CommandResult.Refused($"{konto.Namn} är redan med i rekryteringen.");
            r.Panel.Add(new PanelMedlem { KommunId = r.KommunId, UserId = konto.Id, Namn = konto.Namn });
            return await db.CommitAsync(r, $"{konto.Namn} är tillagd i intervjupanelen.", ct);
        });

    public Task<CommandResult> TaBortUrPanelenAsync(int id, Guid version, int panelId, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, r =>
        {
            if (!r.ArOppen) return Refused("Intervjupanelen ändras medan rekryteringen pågår.");
            if (r.Panel.FirstOrDefault(p => p.Id == panelId) is not { } medlem) return Refused("Panelmedlemmen finns inte.");
            r.Panel.Remove(medlem);
            return db.CommitAsync(r, $"{medlem.Namn} är borttagen ur intervjupanelen.", ct);
        });

    /// <summary>The union negotiation (MBL 11 §) as held: on a day within the last year, not a day still to come, since the
    /// decision it allows may follow at once. Registered from the reference phase once a candidate is proposed (the phase
    /// moves on with it), and the recruitment then goes on to its decision.</summary>
    public Task<CommandResult> RegistreraMblAsync(int id, Guid version, DateOnly datum, string parter, string utfall, ClaimsPrincipal user,
        CancellationToken ct = default) => ChangeAsync(id, version, user, ct, async r =>
        {
            if (r.State is not (RekryteringsTillstand.Referenser or RekryteringsTillstand.FackligSamverkan))
                return CommandResult.Refused("Facklig samverkan registreras när en kandidat är föreslagen för anställning.");
            if (datum > Today) return CommandResult.Refused("Förhandlingen registreras när den är hållen: datumet kan inte ligga efter i dag.");
            var fonster = new Datumfonster(Today.AddYears(-1), Today);
            if (!fonster.Rymmer(datum)) return CommandResult.Refused($"Datumet för förhandlingen ska ligga {fonster.Text}.");
            if (r.State == RekryteringsTillstand.Referenser && !await FramAsync(r, RekryteringsHandelse.StartaFackligSamverkan, user.Actor()))
                return db.Refuse("Föreslå en kandidat för anställning innan den fackliga samverkan registreras.");
            (r.MblDatum, r.MblParter, r.MblUtfall, r.MblRegistreradAv) = (datum, parter.Trim(), utfall.Trim(), user.Namn());
            var vidare = await FramAsync(r, RekryteringsHandelse.GaTillBeslut, user.Actor());
            return await db.CommitAsync(r, vidare ? "Den fackliga samverkan är registrerad. Nu återstår anställningsbeslutet." : "Den fackliga samverkan är registrerad.", ct);
        });

    /// <summary>The hiring decision as taken: on a day within the last year, for one of the proposed candidates. Recorded,
    /// it is made: the recruitment goes on to the offer in the same step.</summary>
    public Task<CommandResult> RegistreraBeslutAsync(int id, Guid version, DateOnly datum, string beslutsfattare, int kandidatId, string? motivering,
        ClaimsPrincipal user, CancellationToken ct = default) => ChangeAsync(id, version, user, ct, async r =>
        {
            if (r.State != RekryteringsTillstand.Beslut) return CommandResult.Refused("Anställningsbeslutet registreras i fasen Beslut.");
            if (!r.Kandidater.Any(k => k.Id == kandidatId && k.State == KandidatTillstand.Foreslagen)) return CommandResult.Refused("Välj en föreslagen kandidat.");
            var fonster = new Datumfonster(Today.AddYears(-1), Today);
            if (!fonster.Rymmer(datum)) return CommandResult.Refused($"Beslutsdatumet ska ligga {fonster.Text}: ett beslut registreras när det är fattat.");
            (r.BeslutDatum, r.Beslutsfattare, r.ValdKandidatId, r.BeslutMotivering) = (datum, beslutsfattare.Trim(), kandidatId, Trimmad(motivering));
            var result = await FireAsync(r, RekryteringsHandelse.FattaBeslut, user.Actor());
            if (!result.Succeeded) return db.Refuse(result.Reasons);
            var vald = r.Kandidater.Single(k => k.Id == kandidatId);
            return await db.CommitAsync(r, $"Anställningsbeslutet är fattat. Lämna erbjudandet till {vald.Namn}.", ct);
        });

    /// <summary>HR stops gallring of the applicants' data, for instance while a discrimination claim is tried.</summary>
    public Task<CommandResult> SattGallringsstoppAsync(int id, Guid version, string? skal, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, r =>
        {
            if (!RekryteringAccess.CanKeepRecords(user)) return Refused("Gallringsstopp sätts av HR.");
            if (string.IsNullOrWhiteSpace(skal) || skal.Trim().Length > Gallring.SkalMaxLangd)
                return Refused($"Ange skälet till gallringsstoppet (högst {Gallring.SkalMaxLangd} tecken), till exempel en anmälan om diskriminering.");
            gallring.SattStopp(r, skal, user);
            return db.CommitAsync(r, "Gallringsstoppet är satt. Sökandes uppgifter sparas tills stoppet hävs.", ct);
        });

    public Task<CommandResult> HavGallringsstoppAsync(int id, Guid version, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, r =>
        {
            if (!RekryteringAccess.CanKeepRecords(user)) return Refused("Gallringsstopp hävs av HR.");
            if (!r.GallringsStopp) return Refused("Rekryteringen har inget gallringsstopp.");
            gallring.HavStopp(r, user);
            return db.CommitAsync(r, "Gallringsstoppet är hävt. Uppgifter vars tid har gått ut gallras vid nästa dagliga körning.", ct);
        });

    /// <summary>
    /// The one way a person takes a step of the recruitment's process: the right to (<see cref="RekryteringAccess.DenialToFire"/>),
    /// then the workflow's guards, then what follows, saved with it.
    /// </summary>
    public Task<CommandResult> FireAsync(int id, Guid version, RekryteringsHandelse trigger, string? kommentar, ClaimsPrincipal user,
        CancellationToken ct = default) => ChangeAsync(id, version, user, ct, async r =>
        {
            if (!Enum.IsDefined(trigger)) return CommandResult.Refused("Steget finns inte.");
            if (RekryteringAccess.DenialToFire(user, r, trigger) is { } nekad) return CommandResult.Refused(nekad);
            var result = await FireAsync(r, trigger, user.Actor(), kommentar, ct);
            return result.Succeeded ? await db.CommitAsync(r, SwedishText.Done(trigger), ct) : CommandResult.Refused(result.Reasons);
        });

    /// <summary>The recruitment as a public record (see <see cref="Utlamnande"/>), logged; null when the user may not hand it out.</summary>
    public async Task<Utlamnandefil?> LamnaUtAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligAsync(id, user, ct) is not { Rekrytering: var r } || !RekryteringAccess.CanKeepRecords(user)) return null;
        var dokument = Utlamnande.Skapa(r, policies.Find(r.KommunId)?.Kommun ?? r.KommunId, r.Enhet?.Namn ?? "", db.UtcNow, user.Namn());
        audit.Add(user, AuditAction.LaddadeNed, Granskningsobjekt.Rekrytering, r.Id, "Utlämnande av allmän handling");
        await db.SaveChangesAsync(ct);
        var filnamn = $"{r.Diarienummer.Replace(' ', '-').Replace('/', '-')}-allman-handling-{SwedishTime.ToLocal(db.UtcNow):yyyy-MM-dd}.html";
        return new(filnamn, dokument.ToBytes());
    }

    // ---- The process: the one place that fires its triggers ----

    internal RekryteringWorkflow Workflow(Rekrytering r) => new(r, db, Today);

    internal KandidatWorkflow Workflow(Kandidat k, Rekrytering r) => new(k, r, db);

    /// <summary>Offered now: permitted, or waiting only for the remaining applicants to be told, which firing does first.</summary>
    private static bool Erbjuds(WorkflowAction<RekryteringsHandelse> a) => a.Permitted || a.BlockedOnlyBy(RekryteringWorkflow.VantarBaraPaBesked);

    /// <summary>
    /// Fires a recruitment trigger with what follows from it, for the commands and the scheduler; the caller saves. The two
    /// steps that end the recruitment first tell every applicant still in it (so that "all told" holds), and only when
    /// nothing else stops them: a refusal leaves every candidate as it was.
    /// </summary>
    internal async Task<WorkflowResult> FireAsync(Rekrytering r, RekryteringsHandelse trigger, Actor actor, string? comment = null, CancellationToken ct = default)
    {
        // With Platsbanken configured, an advert it would refuse is not published (the reasons at once, not later).
        if (trigger == RekryteringsHandelse.PubliceraAnnons && platsbanken.Hinder(r, Today) is { Count: > 0 } hinder)
            return WorkflowResult.Refused([.. hinder.Select(h => new GuardReason("platsbanken", h))]);
        var flode = Workflow(r);
        if (trigger is RekryteringsHandelse.Avbryt or RekryteringsHandelse.Tillsatt
            && flode.Actions().FirstOrDefault(a => a.Trigger == trigger) is { } steg && Erbjuds(steg))
        {
            if (trigger == RekryteringsHandelse.Avbryt && string.IsNullOrWhiteSpace(comment))
                return WorkflowResult.Refused(GuardReason.KommentarSaknas, "Ange ett skäl för att avbryta rekryteringen.");
            var kvar = r.Kandidater.Where(k => !k.ArAvslutad).ToList();
            if (kvar.FirstOrDefault(k => !Workflow(k, r).CanFire(KandidatHandelse.EjAktuell)) is { } obesvarad)
                return WorkflowResult.Refused("besked-kan-inte-ges", obesvarad.State == KandidatTillstand.Erbjuden
                    ? $"{obesvarad.Namn} har ett erbjudande som inte är besvarat. Registrera svaret först."
                    : $"{obesvarad.Namn} har anställningsbeslutet och kan inte få besked om att ansökan inte går vidare.");
            var (slag, skal) = trigger == RekryteringsHandelse.Avbryt ? (Besked.Slag.Avbruten, "Rekryteringen avbryts") : (Besked.Slag.Tillsatt, "Tjänsten är tillsatt");
            foreach (var k in kvar)
            {
                Workflow(k, r).Fire(KandidatHandelse.EjAktuell, actor, skal);
                await TellAsync(k, r, slag);
            }
        }

        var result = flode.Fire(trigger, actor, comment);
        if (!result.Succeeded) return result;
        switch (trigger)
        {
            case RekryteringsHandelse.SkickaForBehovsprovning:
                foreach (var hr in await db.MedRollAsync(Roller.HR, actor.UserId, ct))
                    await OverlamnaAsync(r, hr, $"Ett behov väntar på din prövning – {r.Titel}",
                        $"{actor.Namn} har skickat behovet av en {r.Titel.ToLowerInvariant()} ({r.Diarienummer}) till HR för behovsprövning. " +
                        "Pröva behovet och kontrollera företrädesrätten enligt LAS.", "behov-rubrik");
                break;
            case RekryteringsHandelse.GodkannBehov:
                (r.BehovGodkantUtc, r.BehovGodkantAv) = (db.UtcNow, actor.Namn);
                if (await db.KontoAsync(r.AgareUserId, actor.UserId, ct) is { } agare)
                    await OverlamnaAsync(r, agare, $"Behovet är godkänt – {r.Titel}",
                        $"{actor.Namn} har godkänt behovet ({r.Diarienummer}). Nästa steg är att fastställa kravprofilen och skriva annonsen.", "kravprofil-rubrik");
                break;
            case RekryteringsHandelse.ReturneraBehov:
                if (await db.KontoAsync(r.AgareUserId, actor.UserId, ct) is { } mottagare)
                    await OverlamnaAsync(r, mottagare, $"Behovet har skickats tillbaka – {r.Titel}",
                        $"{actor.Namn} har skickat tillbaka behovet ({r.Diarienummer}) med kommentaren: ”{comment}”. Se över behovet och skicka det igen.",
                        "behov-rubrik");
                break;
            case RekryteringsHandelse.PubliceraAnnons:
                // The day after the last application day, at midnight Swedish time, the application period closes by itself.
                var closes = SwedishTime.ToUtc(r.SistaAnsokningsdag!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue));
                scheduler.Schedule(AnsokningstidSlutJobb, closes, r.Id, kommunId: r.KommunId);
                break;
            case RekryteringsHandelse.Tillsatt:
                var hired = r.Kandidater.Single(k => k.State == KandidatTillstand.Anstalld);
                foreach (var handler in onTillsatt) await handler.OnTillsattAsync(r, hired, actor, ct);
                break;
        }
        // Published: sent to Platsbanken; filled or cancelled: withdrawn from it (after the save, by the scheduler).
        if (trigger is RekryteringsHandelse.PubliceraAnnons or RekryteringsHandelse.Tillsatt or RekryteringsHandelse.Avbryt)
            await platsbanken.KoaAsync(r, ct);
        return result;
    }

    /// <summary>A hand-off mail about the recruitment to the person who must act next, saved with the step it follows.</summary>
    private Task OverlamnaAsync(Rekrytering r, MailRecipient till, string amne, string text, string avsnitt) =>
        outbox.EnqueueAsync<ArendeNotis, ArendeNotis.Innehall>(till, amne,
            new ArendeNotis.Innehall(till.Name, text, links.For($"/rekrytering/{r.Id}#{avsnitt}")),
            topic: $"Rekrytering:{r.Id}", kommunId: r.KommunId);

    /// <summary>Fires a candidate trigger that needs no form; a candidate who leaves the recruitment is told by e-mail. The caller saves.</summary>
    internal async Task<WorkflowResult> FireAsync(Kandidat k, Rekrytering r, KandidatHandelse trigger, Actor actor, string? comment = null)
    {
        if (KandidatWorkflow.MedFormular.Contains(trigger)) return WorkflowResult.Refused("med-formular", "Använd formuläret för det steget.");
        if (trigger == KandidatHandelse.MarkeraIntervjuad && await ForeIntervjunAsync(k) is { } foreIntervjun)
            return WorkflowResult.Refused(IntervjunHarInteBorjat, foreIntervjun);
        // Proposing an interviewed candidate whose references are written down is what moves the recruitment to its
        // reference phase and the references to taken: no separate clicks for either.
        if (trigger == KandidatHandelse.Foresla && k.State == KandidatTillstand.Intervjuad)
        {
            await FramAsync(r, RekryteringsHandelse.StartaReferenstagning, actor);
            if (Workflow(k, r).CanFire(KandidatHandelse.ReferenserTagna)) Workflow(k, r).Fire(KandidatHandelse.ReferenserTagna, actor, Sjalv);
        }
        var result = Workflow(k, r).Fire(trigger, actor, comment);
        if (!result.Succeeded) return result;
        switch (trigger)
        {
            case KandidatHandelse.Acceptera:
                // The offer is accepted: the post is filled, which tells every applicant still in it.
                await FramAsync(r, RekryteringsHandelse.Tillsatt, actor);
                break;
            case KandidatHandelse.Aterta:
                // The recruiting side removing a flagged duplicate while the first application is still in: the applicant
                // withdrew nothing, and is told that the first one remains.
                await TellAsync(k, r, actor.UserId is not null && ForstaAnsokanKvar(k, r) ? Besked.Slag.DubblettBorttagen : Besked.Slag.Atertagen);
                break;
        }
        return result;
    }

    /// <summary>
    /// The applicant does not go on, for the reason the recruiting side chose (null when the municipality offers none): the
    /// reason is kept on the application and in the journal, and the applicant gets that reason's mail — or, once the post
    /// is filled, the "tillsatt" notice. The caller saves.
    /// </summary>
    internal async Task<WorkflowResult> EjAktuellAsync(Kandidat k, Rekrytering r, Notifications.AvslagService.Avslagsval? skal, Actor actor)
    {
        var result = Workflow(k, r).Fire(KandidatHandelse.EjAktuell, actor, skal is null ? null : $"Skäl: {skal.Namn}");
        if (!result.Succeeded) return result;
        (k.AvslagsskalNyckel, k.AvslagsskalNamn) = (skal?.Nyckel, skal?.Namn);
        if (r.State == RekryteringsTillstand.Erbjudande && r.Kandidater.Any(x => x.State == KandidatTillstand.Anstalld))
            await TellAsync(k, r, Besked.Slag.Tillsatt);
        else
            await TellAsync(k, r, Besked.Slag.EjAktuell, skal?.Nyckel);
        return result;
    }

    /// <summary>The comment in the journal of a phase that moved on by itself.</summary>
    internal const string Sjalv = "Av sig själv, när villkoret var uppfyllt";

    /// <summary>
    /// Moves the recruitment on by <paramref name="trigger"/> when nothing stands in its way (a phase that only waits for
    /// its condition moves on by itself); otherwise leaves it where it is. The caller saves.
    /// </summary>
    internal async Task<bool> FramAsync(Rekrytering r, RekryteringsHandelse trigger, Actor actor)
    {
        if (Workflow(r).Actions().FirstOrDefault(a => a.Trigger == trigger) is not { } steg || !Erbjuds(steg)) return false;
        return (await FireAsync(r, trigger, actor, Sjalv)).Succeeded;
    }

    /// <summary>The application is flagged as a possible duplicate of an earlier one to the same recruitment that is still open.</summary>
    internal static bool ForstaAnsokanKvar(Kandidat k, Rekrytering r) =>
        k.MojligDubblettAvId is int forsta && r.Kandidater.Any(x => x.Id == forsta && !x.ArAvslutad);

    /// <summary>Tells the applicant the outcome through the outbox, and notes that they were told.</summary>
    internal async Task TellAsync(Kandidat k, Rekrytering r, Besked.Slag slag, string? avslag = null)
    {
        await outbox.EnqueueAsync<Besked, Besked.Innehall>(
            k.Mottagare, slag switch
            {
                Besked.Slag.Atertagen => "Din ansökan är återtagen",
                Besked.Slag.DubblettBorttagen => $"Dubbletten av din ansökan är borttagen – {r.Titel}",
                _ => $"Besked om din ansökan – {r.Titel}",
            },
            new Besked.Innehall(k.Namn, r.Titel, r.Diarienummer, KommunNamn(r), slag, avslag, await UpplevelseLankAsync(k, slag)),
            topic: $"Kandidat:{k.Id}", kommunId: r.KommunId);
        k.UtfallMeddelatUtc = db.UtcNow;
    }

    /// <summary>The link to the experience question (<see cref="Kandidatupplevelse"/>) for an outcome the applicant was given:
    /// refused, post filled or recruitment cancelled; null for their own withdrawal, or once they have answered.</summary>
    private async Task<string?> UpplevelseLankAsync(Kandidat k, Besked.Slag slag)
    {
        Utfallsslag? utfall = slag switch
        {
            Besked.Slag.EjAktuell => Utfallsslag.EjAktuell,
            Besked.Slag.Tillsatt => Utfallsslag.Tillsatt,
            Besked.Slag.Avbruten => Utfallsslag.Avbruten,
            _ => null,
        };
        if (utfall is null) return null;
        var inbjudan = db.Set<Upplevelseinbjudan>().Local.FirstOrDefault(i => i.KandidatId == k.Id)
            ?? await db.Set<Upplevelseinbjudan>().FirstOrDefaultAsync(i => i.KandidatId == k.Id);
        if (inbjudan?.Besvarad == true) return null;
        var (token, hash) = AnsokanService.NyLank();
        if (inbjudan is null) db.Add(inbjudan = new Upplevelseinbjudan { KommunId = k.KommunId, KandidatId = k.Id, AtkomstHash = hash });
        (inbjudan.AtkomstHash, inbjudan.Utfall) = (hash, utfall.Value);
        return links.For($"/ansokan/{token}{(k.Sprak == Sprak.Engelska ? "?sprak=en" : "")}#upplevelse");
    }

    internal string? KommunNamn(Rekrytering r) => policies.Find(r.KommunId)?.Kommun;

    /// <summary>The candidate's booked interview lies ahead.</summary>
    public const string IntervjunHarInteBorjat = "intervjun-har-inte-borjat";

    /// <summary>Why the candidate cannot be scored or marked interviewed now, or null: an interview booked for a time still
    /// to come has not been held, whatever the state says.</summary>
    internal async Task<string?> ForeIntervjunAsync(Kandidat k, CancellationToken ct = default) =>
        await BokadIntervjuAsync(k, ct) is { } mote && mote.StartUtc > db.UtcNow
            ? $"Intervjun är bokad till {SwedishTime.Format(mote.StartUtc)}. Kandidaten bedöms och markeras som intervjuad när intervjun har börjat."
            : null;

    /// <summary>The candidate's booked interview, found by its link "Kandidat:{id}".</summary>
    /// <summary>The interview's invitation, whether the recruiting side books it or the candidate takes an offered time: the
    /// recruiting manager organises, the candidate (in their language) and the panel are invited, and the panel's calendar
    /// says whom it is with (k.Namn is "Gallrad sökande" once gallring has been).</summary>
    internal async Task<MeetingRequest> IntervjukallelseAsync(Kandidat k, Rekrytering r, DateTime startUtc, DateTime slutUtc, string plats, CancellationToken ct)
    {
        var arrangor = await db.Users.Where(u => u.Id == r.AgareUserId).Select(u => u.Email).FirstAsync(ct);
        var panel = await db.Users.Where(u => r.Panel.Select(p => p.UserId).Contains(u.Id) && u.Id != r.AgareUserId)
            .Select(u => new MailRecipient(u.Email!, u.Namn)).ToListAsync(ct);
        return new MeetingRequest(
            $"Intervju med {k.Namn}: {r.Titel}", $"Strukturerad intervju med {k.Namn} för tjänsten som {r.Titel} ({r.Diarienummer}).", plats,
            startUtc, slutUtc, new MailRecipient(arrangor!, r.AgareNamn), [k.Mottagare, .. panel], $"Kandidat:{k.Id}");
    }

    internal Task<Mote?> BokadIntervjuAsync(Kandidat k, CancellationToken ct = default) => db.Set<Mote>().Include(m => m.Deltagare)
        .Where(m => m.Koppling == $"Kandidat:{k.Id}" && m.Status == MoteStatus.Bokat).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);

    // ---- Plumbing ----

    /// <summary>Every change: load (not found when not visible), the right to run it (forbidden for the panel), the
    /// version the person saw (conflict when someone saved since), then the change itself.</summary>
    private async Task<CommandResult> ChangeAsync(int id, Guid version, ClaimsPrincipal user, CancellationToken ct, Func<Rekrytering, Task<CommandResult>> change)
    {
        var r = await LoadAsync(id, ct);
        if (r is null || !RekryteringAccess.CanView(user, r)) return CommandResult.NotFound;
        if (!RekryteringAccess.CanManage(user, r)) return CommandResult.Forbidden;
        if (r.Version != version) return CommandResult.Conflict(AndradSamtidigt);
        return await change(r);
    }

    private static Task<CommandResult> Refused(string reason) => Task.FromResult(CommandResult.Refused(reason));

    /// <summary>Why the need cannot be stored as given: the unit must be the municipality's, the start between today and two years ahead.</summary>
    private async Task<List<string>> BehovsfelAsync(Behov behov, CancellationToken ct)
    {
        var fel = new List<string>();
        if (string.IsNullOrWhiteSpace(behov.Titel)) fel.Add("Fyll i befattning.");
        if (!await db.Enheter.AnyAsync(e => e.Id == behov.EnhetId, ct)) fel.Add("Enheten finns inte.");
        if (!Enum.IsDefined(behov.Anstallningsform)) fel.Add("Välj anställningsform.");
        if (behov.Omfattning is < 10 or > 100) fel.Add("Omfattningen ska vara från 10 till 100 procent.");
        var fonster = new Datumfonster(Today, Today.AddYears(2));
        if (behov.OnskatTilltrade is { } d && !fonster.Rymmer(d)) fel.Add($"Önskat tillträde ska ligga {fonster.Text}.");
        return fel;
    }

    private static void Tillampa(Rekrytering r, Behov behov)
    {
        r.Titel = behov.Titel.Trim();
        r.EnhetId = behov.EnhetId;
        r.Behovsbeskrivning = behov.Behovsbeskrivning.Trim();
        r.Anstallningsform = behov.Anstallningsform;
        r.Omfattning = behov.Omfattning;
        r.OnskatTilltrade = behov.OnskatTilltrade;
    }

    private static string? Trimmad(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
