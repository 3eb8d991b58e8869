using System.Globalization;
using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using IntroduktionPost = ChefsRekrytering.Introduktioner.Introduktion;

namespace ChefsRekrytering.Ledarskap;

/// <summary>What the parties write in a version of the contract; the requirements are ids in the municipality's policy.</summary>
public sealed record KontraktInnehall(string Ansvar, string Ataganden, string Resultatkrav, string? ForvantningarKommentar, IReadOnlyList<string> KravIds)
{
    public static KontraktInnehall Of(Uppdragskontrakt k) =>
        new(k.Ansvar, k.Ataganden, k.Resultatkrav, k.ForvantningarKommentar, k.Krav.OrderBy(x => x.Ordning).Select(x => x.KravId).ToList());
}

/// <summary>The principal of a manager's assignment.</summary>
public sealed record Uppdragsgivare(int? PersonId, string Namn);

public enum KontraktSida { Chef, Uppdragsgivare }

/// <summary>A re-assessment as the employer side records it.</summary>
public sealed record Omprovning(DateOnly Datum, string Anteckning, OmprovningsUtfall Utfall);

/// <summary>A manager's contract as the user may see it: every version, the principal, and the user's side.</summary>
public sealed record KontraktDetaljer(Person Chef, ChefParter Parter, LeadershipPolicy Policy, IReadOnlyList<Uppdragskontrakt> Versioner,
    Uppdragsgivare? NarmastHogreChef, DateOnly Idag)
{
    public Uppdragskontrakt? Gallande => Versioner.FirstOrDefault(v => v.State == UppdragskontraktTillstand.Bekraftat);
    public Uppdragskontrakt? Utkast => Versioner.FirstOrDefault(v => v.State == UppdragskontraktTillstand.Utkast);
    public IEnumerable<Uppdragskontrakt> Ersatta => Versioner.Where(v => v.State == UppdragskontraktTillstand.Ersatt);
    /// <summary>The re-assessment is due within the reminder's month, or overdue.</summary>
    public bool OmprovningNara => Gallande?.OmprovasSenast <= Idag.AddDays(UppdragskontraktOmprovningsPaminnelse.DagarFore);
}

/// <summary>
/// A manager's uppdragskontrakt over its versions: drafts, each side's confirmation, the version taking effect, the yearly
/// re-assessment. Every change is one command: it finds the manager through <see cref="ChefParter.FindAsync"/> (a manager
/// the user is no party to does not exist for them), checks the user's side and the version the form was built from,
/// changes and saves.
/// </summary>
public sealed class UppdragskontraktService(AppDbContext db, PolicyLibrary policies, IntroduktionService introduktioner, Outbox outbox,
    MailLinks links)
{
    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    /// <summary>The manager's contract for its page, or null for a manager the user is no party to.</summary>
    public async Task<KontraktDetaljer?> DetaljerAsync(int personId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await ChefParter.FindAsync(db, user, personId, ct) is not { } sida) return null;
        return new(sida.Chef, sida.Parter, policies.Get(sida.Chef.KommunId), await VersionerAsync(personId, ct),
            await NarmastHogreChefAsync(personId, sida.Org, ct), Today);
    }

    /// <summary>
    /// Writes the draft: the open one, or the next version when there is none (a confirmed version never changes). Either
    /// party writes; at the top of the tree, where the närmast högre chef is missing, the principal is named.
    /// </summary>
    public async Task<CommandResult> SparaUtkastAsync(int personId, Guid version, KontraktInnehall innehall, string? uppdragsgivare,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(personId, user, ct) is not (var sida, var versioner, var narmast)) return CommandResult.NotFound;
        var utkast = versioner.FirstOrDefault(v => v.State == UppdragskontraktTillstand.Utkast);
        if ((utkast?.Version ?? Guid.Empty) != version) return VersionedCommands.Conflict();
        var policy = policies.Get(sida.Chef.KommunId);
        if (innehall.KravIds.Any(id => policy.FindKrav(id) is null)) return CommandResult.Refused("Okänt krav i formuläret.");
        var principal = narmast ?? (string.IsNullOrWhiteSpace(uppdragsgivare) ? null : new Uppdragsgivare(null, uppdragsgivare.Trim()));
        if (principal is null) return CommandResult.Refused("Ange uppdragsgivaren, till exempel kommunstyrelsen eller dess företrädare.");
        var skrivet = Skriv(versioner, sida.Chef, principal, innehall);
        return await db.CommitAsync(utkast, version, $"Utkastet till version {skrivet.Versionsnummer} är sparat.", ct);
    }

    /// <summary>
    /// One side confirms the draft as it reads now: the manager their own side, the närmast högre chef or HR the
    /// principal's. When both have, the version takes effect, the one it replaces is marked Ersatt, and the manager's open
    /// introduction item for the contract is done.
    /// </summary>
    public async Task<CommandResult> BekraftaAsync(int personId, Guid version, KontraktSida sida, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(personId, user, ct) is not (var chef, var versioner, _)) return CommandResult.NotFound;
        var utkast = versioner.FirstOrDefault(v => v.State == UppdragskontraktTillstand.Utkast);
        if ((utkast?.Version ?? Guid.Empty) != version) return VersionedCommands.Conflict();
        if (sida == KontraktSida.Chef ? !chef.Parter.ArChefen : !chef.Parter.ForArbetsgivaren)
            return CommandResult.Refused(sida == KontraktSida.Chef ? "Bara chefen själv bekräftar chefens sida." : "Uppdragsgivarens sida bekräftas av närmast högre chef eller HR.");
        if (utkast is null) return CommandResult.Refused("Det finns inget utkast att bekräfta.");
        var result = await BekraftaSidaAsync(versioner, utkast, sida, user.Actor(), ct);
        if (!result.Succeeded) return db.Refuse(result.Reasons);
        if (!utkast.ArBekraftatAvBada) await MejlaAndraPartenAsync(chef.Chef, utkast, sida, user.Namn(), ct);
        return await db.CommitAsync(utkast, version, utkast.State == UppdragskontraktTillstand.Bekraftat
            ? $"Version {utkast.Versionsnummer} är bekräftad av båda parter och gäller från i dag. Den ska omprövas senast {utkast.OmprovasSenast:yyyy-MM-dd}."
            : $"Din bekräftelse av version {utkast.Versionsnummer} är registrerad. Kontraktet gäller när även den andra parten har bekräftat.", ct);
    }

    /// <summary>
    /// The employer side records a re-assessment of the contract in force, dated from the day it took effect to today. If
    /// it continues to apply, the next one is due a year after this one; if a new version is needed, a draft copied from
    /// it is opened (unless one is open) for the parties to rewrite.
    /// </summary>
    public async Task<CommandResult> RegistreraOmprovningAsync(int personId, Guid version, Omprovning omprovning, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (await FindAsync(personId, user, ct) is not (var sida, var versioner, var narmast)) return CommandResult.NotFound;
        var gallande = versioner.FirstOrDefault(v => v.State == UppdragskontraktTillstand.Bekraftat);
        if ((gallande?.Version ?? Guid.Empty) != version) return VersionedCommands.Conflict();
        if (!sida.Parter.ForArbetsgivaren) return CommandResult.Refused("Omprövningen registreras av uppdragsgivaren eller HR.");
        if (gallande is null) return CommandResult.Refused("Det finns inget gällande kontrakt att ompröva.");
        if (OmprovningsdatumFel(gallande, omprovning.Datum) is { } fel) return CommandResult.Refused(fel);
        Omprova(versioner, gallande, sida.Chef, narmast ?? new Uppdragsgivare(null, gallande.UppdragsgivareNamn), omprovning, user.Actor());
        return await db.CommitAsync(gallande, version, omprovning.Utfall == OmprovningsUtfall.FortsatterGalla
            ? $"Omprövningen är registrerad. Kontraktet fortsätter gälla och omprövas nästa gång senast {gallande.OmprovasSenast:yyyy-MM-dd}."
            : "Omprövningen är registrerad. Ett utkast till en ny version är öppnat: skriv om det och bekräfta det båda två.", ct);
    }

    /// <summary>Why a re-assessment of <paramref name="gallande"/> cannot be dated this day, or null: it is recorded once
    /// held, between the day the version took effect and today.</summary>
    public string? OmprovningsdatumFel(Uppdragskontrakt gallande, DateOnly datum) =>
        datum > Today || datum < gallande.GiltigFran
            ? string.Create(CultureInfo.InvariantCulture, $"Datumet för omprövningen ska vara mellan {gallande.GiltigFran:yyyy-MM-dd} och i dag.")
            : null;

    /// <summary>Every version of the manager's contract, newest first.</summary>
    private Task<List<Uppdragskontrakt>> VersionerAsync(int chefPersonId, CancellationToken ct) =>
        db.Set<Uppdragskontrakt>().Include(k => k.Krav).Include(k => k.Omprovningar).AsSplitQuery()
            .Where(k => k.ChefPersonId == chefPersonId).OrderByDescending(k => k.Versionsnummer).ToListAsync(ct);

    private UppdragskontraktWorkflow Workflow(Uppdragskontrakt k) => new(k, db, Today);

    /// <summary>The manager (if the user is a party), every version tracked for a change, and the närmast högre chef.</summary>
    private async Task<(ChefOchParter Sida, List<Uppdragskontrakt> Versioner, Uppdragsgivare? NarmastHogreChef)?> FindAsync(int personId,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ChefParter.FindAsync(db, user, personId, ct) is not { } sida) return null;
        return (sida, await VersionerAsync(personId, ct), await NarmastHogreChefAsync(personId, sida.Org, ct));
    }

    /// <summary>The principal by default: the närmast högre chef in the org tree; null at the top of the tree, where the
    /// principal is outside it (Ljusnarsberg: "för kommunchefen är kommunstyrelsen eller dess företrädare uppdragsgivare").</summary>
    private async Task<Uppdragsgivare?> NarmastHogreChefAsync(int chefPersonId, OrgChart org, CancellationToken ct) =>
        org.ChefFor(chefPersonId) is int id
            ? await db.Personer.Where(p => p.Id == id).Select(p => new Uppdragsgivare(p.Id, p.Fornamn + " " + p.Efternamn)).FirstAsync(ct)
            : null;

    /// <summary>
    /// Writes the open draft, or the next version when there is none. The policy's expectations and the chosen
    /// requirements are copied as they read now. A change clears both confirmations, so both sides always confirm the same
    /// text; saving unchanged text keeps them.
    /// </summary>
    private Uppdragskontrakt Skriv(IReadOnlyList<Uppdragskontrakt> versioner, Person chef, Uppdragsgivare uppdragsgivare, KontraktInnehall innehall)
    {
        var policy = policies.Get(chef.KommunId);
        var krav = innehall.KravIds.Distinct().Select(policy.FindKrav).OfType<PolicyRequirement>().ToList();
        var utkast = versioner.FirstOrDefault(v => v.State == UppdragskontraktTillstand.Utkast);
        if (utkast is not null && Unchanged(utkast, innehall, krav, policy, uppdragsgivare)) return utkast;

        if (utkast is null)
        {
            utkast = new Uppdragskontrakt
            {
                KommunId = chef.KommunId, ChefPersonId = chef.Id, UppdragsgivareNamn = uppdragsgivare.Namn, SkapadUtc = db.UtcNow,
                Versionsnummer = (versioner.Max(v => (int?)v.Versionsnummer) ?? 0) + 1,
            };
            db.Add(utkast);
        }
        utkast.UppdragsgivarePersonId = uppdragsgivare.PersonId;
        utkast.UppdragsgivareNamn = uppdragsgivare.Namn;
        utkast.Ansvar = innehall.Ansvar;
        utkast.Ataganden = innehall.Ataganden;
        utkast.Resultatkrav = innehall.Resultatkrav;
        utkast.ForvantningarKommentar = innehall.ForvantningarKommentar;
        utkast.Forvantningar = policy.ForvantningarPaArbetsgivaren.ToList();
        utkast.PolicyversionId = policy.VersionId;
        utkast.Krav.Clear();
        utkast.Krav.AddRange(krav.Select((k, i) => new UppdragskontraktKrav
        {
            KommunId = chef.KommunId, KravId = k.Id, Omrade = k.AreaNamn, Text = k.Text, Ordning = i,
        }));
        utkast.ClearConfirmations();
        return utkast;
    }

    /// <summary>One side has confirmed: the other is told that the contract now waits for them (saved with the confirmation).</summary>
    private async Task MejlaAndraPartenAsync(Person chef, Uppdragskontrakt utkast, KontraktSida bekraftad, string av, CancellationToken ct)
    {
        var till = bekraftad == KontraktSida.Chef
            ? await db.Personer.Where(p => p.Id == utkast.UppdragsgivarePersonId).Select(p => new MailRecipient(p.Epost, p.Fornamn + " " + p.Efternamn)).FirstOrDefaultAsync(ct)
            : new MailRecipient(chef.Epost, $"{chef.Fornamn} {chef.Efternamn}");
        if (till is null || string.IsNullOrWhiteSpace(till.Address)) return; // a principal outside the organisation (e.g. a board) gets no mail
        var text = bekraftad == KontraktSida.Chef
            ? $"{av} har bekräftat sin sida av uppdragskontraktet (version {utkast.Versionsnummer}). Det gäller när du som uppdragsgivare också har bekräftat."
            : $"{av} har bekräftat uppdragsgivarens sida av ditt uppdragskontrakt (version {utkast.Versionsnummer}). Läs det och bekräfta din sida, så gäller det.";
        await outbox.EnqueueAsync<ArendeNotis, ArendeNotis.Innehall>(till, "Ett uppdragskontrakt väntar på din bekräftelse",
            new ArendeNotis.Innehall(till.Name, text, links.For($"/uppdragskontrakt/{chef.Id}")),
            topic: $"Uppdragskontrakt:{chef.Id}", kommunId: chef.KommunId);
    }

    private async Task<WorkflowResult> BekraftaSidaAsync(IReadOnlyList<Uppdragskontrakt> versioner, Uppdragskontrakt utkast, KontraktSida sida,
        Actor actor, CancellationToken ct)
    {
        if (sida == KontraktSida.Chef)
        {
            utkast.ChefBekraftadUtc ??= db.UtcNow;
        }
        else if (utkast.UppdragsgivareBekraftadUtc is null)
        {
            utkast.UppdragsgivareBekraftadUtc = db.UtcNow;
            utkast.UppdragsgivareBekraftadAv = actor.Namn;
        }
        if (!utkast.ArBekraftatAvBada) return WorkflowResult.Ok;

        var gallande = versioner.FirstOrDefault(v => v.State == UppdragskontraktTillstand.Bekraftat);
        var result = Workflow(utkast).Fire(UppdragskontraktHandelse.Bekrafta, actor);
        if (!result.Succeeded) return result;
        if (gallande is not null) Workflow(gallande).Fire(UppdragskontraktHandelse.Ersatt, actor, $"Ersatt av version {utkast.Versionsnummer}");
        await CompleteIntroductionItemAsync(utkast, actor, ct);
        return result;
    }

    private void Omprova(IReadOnlyList<Uppdragskontrakt> versioner, Uppdragskontrakt gallande, Person chef, Uppdragsgivare uppdragsgivare,
        Omprovning omprovning, Actor actor)
    {
        Datumfonster.Rimligt.Krav(omprovning.Datum); // the next re-assessment is reckoned from it
        gallande.Omprovningar.Add(new UppdragskontraktOmprovning
        {
            KommunId = gallande.KommunId, Datum = omprovning.Datum, Anteckning = omprovning.Anteckning.Trim(), Utfall = omprovning.Utfall,
            RegistreradAv = actor.Namn, RegistreradUtc = db.UtcNow,
        });
        if (omprovning.Utfall == OmprovningsUtfall.FortsatterGalla)
        {
            gallande.OmprovasSenast = omprovning.Datum.AddYears(1);
            gallande.OmprovningPaminndUtc = null;
            return;
        }
        // Still due until the new version takes effect, but the parties were just reminded by their own talk.
        gallande.OmprovningPaminndUtc = db.UtcNow;
        if (versioner.All(v => v.State != UppdragskontraktTillstand.Utkast))
            Skriv(versioner, chef, uppdragsgivare, KontraktInnehall.Of(gallande));
    }

    private static bool Unchanged(Uppdragskontrakt k, KontraktInnehall innehall, List<PolicyRequirement> krav, LeadershipPolicy policy, Uppdragsgivare uppdragsgivare) =>
        k.Ansvar == innehall.Ansvar && k.Ataganden == innehall.Ataganden && k.Resultatkrav == innehall.Resultatkrav
        && k.ForvantningarKommentar == innehall.ForvantningarKommentar
        && k.Krav.OrderBy(x => x.Ordning).Select(x => x.KravId).SequenceEqual(krav.Select(x => x.Id))
        && k.Forvantningar.SequenceEqual(policy.ForvantningarPaArbetsgivaren) && k.PolicyversionId == policy.VersionId
        && k.UppdragsgivarePersonId == uppdragsgivare.PersonId && k.UppdragsgivareNamn == uppdragsgivare.Namn;

    private async Task CompleteIntroductionItemAsync(Uppdragskontrakt k, Actor actor, CancellationToken ct)
    {
        var open = await db.Set<IntroduktionPost>().Include(i => i.Punkter)
            .Where(i => i.ChefPersonId == k.ChefPersonId && i.State != IntroduktionTillstand.Genomford && i.State != IntroduktionTillstand.Avbruten)
            .ToListAsync(ct);
        foreach (var intro in open)
        {
            var punkter = intro.Punkter.Where(p => p.Typ == PunktTyp.Uppdragskontrakt && p.KlarUtc is null).ToList();
            foreach (var punkt in punkter)
                introduktioner.Complete(punkt, actor.Namn, $"Uppdragskontrakt version {k.Versionsnummer} är bekräftat av båda parter.");
            // A new concurrency version for the introduction, so a form opened on it before this change is refused.
            if (punkter.Count > 0) db.Entry(intro).Property(i => i.Version).IsModified = true;
        }
    }
}
