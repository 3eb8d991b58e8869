using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
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

/// <summary>
/// A manager's uppdragskontrakt over its versions: drafts, each side's confirmation, the version taking effect, the yearly
/// re-assessment. Works on the versions the caller loaded (<see cref="VersionerAsync"/>); the caller saves.
/// </summary>
public sealed class UppdragskontraktService(AppDbContext db, PolicyLibrary policies, IntroduktionService introduktioner)
{
    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    /// <summary>Every version of the manager's contract, newest first.</summary>
    public Task<List<Uppdragskontrakt>> VersionerAsync(int chefPersonId, CancellationToken ct = default) =>
        db.Set<Uppdragskontrakt>().Include(k => k.Krav).Include(k => k.Omprovningar).AsSplitQuery()
            .Where(k => k.ChefPersonId == chefPersonId).OrderByDescending(k => k.Versionsnummer).ToListAsync(ct);

    public UppdragskontraktWorkflow Workflow(Uppdragskontrakt k) => new(k, db, Today);

    /// <summary>The principal by default: the närmast högre chef in the org tree; null at the top of the tree, where the
    /// principal is outside it (Ljusnarsberg: "för kommunchefen är kommunstyrelsen eller dess företrädare uppdragsgivare").</summary>
    public async Task<Uppdragsgivare?> NarmastHogreChefAsync(int chefPersonId, OrgChart org, CancellationToken ct = default) =>
        org.ChefFor(chefPersonId) is int id
            ? await db.Personer.Where(p => p.Id == id).Select(p => new Uppdragsgivare(p.Id, p.Fornamn + " " + p.Efternamn)).FirstAsync(ct)
            : null;

    /// <summary>
    /// Writes the draft: the open one, or the next version when there is none (a confirmed version never changes).
    /// The policy's expectations and the chosen requirements are copied as they read now. A change clears both
    /// confirmations, so both sides always confirm the same text; saving unchanged text keeps them.
    /// </summary>
    public Uppdragskontrakt SparaUtkast(IReadOnlyList<Uppdragskontrakt> versioner, Person chef, Uppdragsgivare uppdragsgivare, KontraktInnehall innehall)
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
        utkast.Krav.Clear();
        utkast.Krav.AddRange(krav.Select((k, i) => new UppdragskontraktKrav
        {
            KommunId = chef.KommunId, KravId = k.Id, Omrade = k.AreaNamn, Text = k.Text, Ordning = i,
        }));
        utkast.ClearConfirmations();
        return utkast;
    }

    /// <summary>
    /// One side confirms the draft as it reads now. When both have, the version takes effect, the one it replaces is
    /// marked Ersatt, and the manager's open introduction item for the contract is done.
    /// </summary>
    public async Task<WorkflowResult> BekraftaAsync(IReadOnlyList<Uppdragskontrakt> versioner, KontraktSida sida, Actor actor, CancellationToken ct = default)
    {
        if (versioner.FirstOrDefault(v => v.State == UppdragskontraktTillstand.Utkast) is not { } utkast)
            return WorkflowResult.Refused(["Det finns inget utkast att bekräfta."]);
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

    /// <summary>
    /// Records a re-assessment of the contract in force. If it continues to apply, the next one is due a year after this
    /// one; if a new version is needed, a draft copied from it is opened (unless one is open) for the parties to rewrite.
    /// </summary>
    public void Omprova(IReadOnlyList<Uppdragskontrakt> versioner, Uppdragskontrakt gallande, Person chef, Uppdragsgivare uppdragsgivare,
        DateOnly datum, string anteckning, OmprovningsUtfall utfall, Actor actor)
    {
        Datumfonster.Rimligt.Krav(datum); // the next re-assessment is reckoned from it
        gallande.Omprovningar.Add(new UppdragskontraktOmprovning
        {
            KommunId = gallande.KommunId, Datum = datum, Anteckning = anteckning, Utfall = utfall, RegistreradAv = actor.Namn, RegistreradUtc = db.UtcNow,
        });
        if (utfall == OmprovningsUtfall.FortsatterGalla)
        {
            gallande.OmprovasSenast = datum.AddYears(1);
            gallande.OmprovningPaminndUtc = null;
            return;
        }
        // Still due until the new version takes effect, but the parties were just reminded by their own talk.
        gallande.OmprovningPaminndUtc = db.UtcNow;
        if (versioner.All(v => v.State != UppdragskontraktTillstand.Utkast))
            SparaUtkast(versioner, chef, uppdragsgivare, KontraktInnehall.Of(gallande));
    }

    private static bool Unchanged(Uppdragskontrakt k, KontraktInnehall innehall, List<PolicyRequirement> krav, LeadershipPolicy policy, Uppdragsgivare uppdragsgivare) =>
        k.Ansvar == innehall.Ansvar && k.Ataganden == innehall.Ataganden && k.Resultatkrav == innehall.Resultatkrav
        && k.ForvantningarKommentar == innehall.ForvantningarKommentar
        && k.Krav.OrderBy(x => x.Ordning).Select(x => x.KravId).SequenceEqual(krav.Select(x => x.Id))
        && k.Forvantningar.SequenceEqual(policy.ForvantningarPaArbetsgivaren)
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
