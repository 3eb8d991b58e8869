using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Avvecklingar;

/// <summary>What must follow when a case closes with an outcome other than staying (kompetensväxling, for one).</summary>
public interface IAvvecklingAvslutadHandler
{
    Task OnAvslutadAsync(AvvecklingsArende arende, CancellationToken ct);
}

/// <summary>A case as it is asked for: about a manager the user may start one for, or the user's own request to leave.</summary>
public sealed record NyttArende(int? PersonId, bool EgenBegaran, string Bakgrund);

/// <summary>The evaluation of a case and its outcome; a last day as manager for every outcome but staying.</summary>
public sealed record Utvardering(AvvecklingUtfall Utfall, string Text, DateOnly? SistaDag);

/// <summary>The cases a user is party to, and where they may start one.</summary>
public sealed record AvvecklingLista(IReadOnlyList<AvvecklingsArende> Arenden, IReadOnlyList<Person> Startbara, bool KanBegara);

/// <summary>One case as the user may see it: its plan, what they may do, attachments, history and (HR's) access log.</summary>
public sealed record AvvecklingDetaljer(
    AvvecklingsArende Arende, Stateless.Reflection.StateMachineInfo Process, IReadOnlyList<WorkflowAction<AvvecklingHandelse>> NastaSteg,
    IReadOnlyList<Dokument> Bilagor, IReadOnlyList<WorkflowTransition> Historik, IReadOnlyList<AuditEvent> Logg,
    bool KanDriva, bool PlanenOppen, DateOnly Idag);

/// <summary>
/// Confidential cases. Every change a person makes is one command here: it loads the case, checks
/// <see cref="AvvecklingAccess"/> (a case the user may not see, or may not drive, does not exist for them) and the version
/// the form was built from, changes, and saves with its audit entries, notices and journal in one transaction.
/// </summary>
public sealed class AvvecklingService(AppDbContext db, AuditLog audit, Outbox outbox, UserManager<ApplicationUser> users,
    MailLinks links, DocumentService documents, IEnumerable<IAvvecklingAvslutadHandler> onAvslutad)
{
    public const string ObjectType = Granskning.Granskningsobjekt.Avveckling;

    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    /// <summary>The cases the user is party to, the managers they may start a case about, and whether they may ask to leave.</summary>
    public async Task<AvvecklingLista> ListaAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var org = await db.LoadOrgChartAsync(ct);
        var arenden = await db.Set<AvvecklingsArende>().VisibleTo(user).AsNoTracking().OrderByDescending(a => a.Id).ToListAsync(ct);
        var chefer = org.InTreeOrder().Select(x => x.Unit.ChefId).OfType<int>().Where(id => AvvecklingAccess.CanStartFor(user, id, org)).ToHashSet();
        var startbara = await db.Personer.AsNoTracking().Where(p => chefer.Contains(p.Id)).OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn).ToListAsync(ct);
        return new(arenden, startbara, AvvecklingAccess.CanRequest(user, org));
    }

    /// <summary>One case for its page, or null when it does not exist or the user is not party to it.</summary>
    public async Task<AvvecklingDetaljer?> DetaljerAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var a = await Arenden().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !AvvecklingAccess.CanSee(user, a)) return null;
        var flode = Workflow(a);
        var kanDriva = AvvecklingAccess.CanDrive(user, a);
        var bilagor = await db.Set<Dokument>().AsNoTracking().Where(d => d.OwnerType == AvvecklingDocumentAccess.Owner && d.OwnerId == id).ToListAsync(ct);
        var historik = await db.WorkflowTransitions.AsNoTracking().Where(t => t.Workflow == flode.Name && t.SubjectId == id).OrderBy(t => t.Id).ToListAsync(ct);
        var logg = AvvecklingAccess.IsHr(user)
            ? await db.Set<AuditEvent>().AsNoTracking().Where(e => e.ObjectType == ObjectType && e.ObjectId == id).OrderByDescending(e => e.Id).Take(200).ToListAsync(ct)
            : [];
        return new(a, flode.Info, kanDriva ? flode.Actions() : [], bilagor, historik, logg, kanDriva, AvvecklingWorkflow.PlanenOppen.Contains(a.State), Today);
    }

    /// <summary>
    /// Starts a case: by the employer about a manager (<see cref="AvvecklingAccess.CanStartFor"/>), or on a manager's own
    /// request. The parties are told by mail that a case exists, with nothing of its content.
    /// </summary>
    public async Task<CommandResult<int>> StartaArendeAsync(NyttArende ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var org = await db.LoadOrgChartAsync(ct);
        Person? chef;
        if (ny.EgenBegaran)
        {
            if (user.PersonId() is not int me) return new(CommandResult.Refused("Ditt konto är inte kopplat till en anställd."), 0);
            if (!AvvecklingAccess.CanRequest(user, org)) return new(CommandResult.Refused("Bara den som är chef för en enhet kan begära att lämna sitt chefsuppdrag."), 0);
            chef = await db.Personer.FirstOrDefaultAsync(p => p.Id == me, ct);
        }
        else
            chef = ny.PersonId is int id && AvvecklingAccess.CanStartFor(user, id, org) ? await db.Personer.FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (chef is null) return new(CommandResult.Refused(ny.EgenBegaran ? "Ditt konto är inte kopplat till en anställd." : "Välj en chef som du får starta ett ärende för."), 0);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var arende = await StartAsync(chef, ny.EgenBegaran ? Initiering.EgenBegaran : Initiering.Arbetsgivaren, ny.Bakgrund, user);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(CommandResult.Done(ny.EgenBegaran
            ? "Din begäran är registrerad. Din närmast högre chef och HR får besked och tar kontakt."
            : "Ärendet är startat. Nästa steg är handlingsplanen."), arende.Id);
    }

    /// <summary>
    /// The case itself, saved so its id can name it in the audit log and the notices, which are added for the caller to
    /// save. For <see cref="StartaArendeAsync"/>, which has checked who may start it, and for tests' data.
    /// </summary>
    internal async Task<AvvecklingsArende> StartAsync(Person chef, Initiering initiering, string bakgrund, ClaimsPrincipal user)
    {
        var org = await db.LoadOrgChartAsync();
        var ansvarigId = org.ChefFor(chef.Id);
        var ansvarig = ansvarigId is int id ? await db.Personer.FirstAsync(p => p.Id == id) : null;
        var arende = new AvvecklingsArende
        {
            KommunId = chef.KommunId, ChefPersonId = chef.Id, ChefNamn = chef.Namn, AnsvarigPersonId = ansvarigId,
            AnsvarigNamn = ansvarig?.Namn ?? "HR", Initiering = initiering, InitieradAvNamn = user.Namn(), Bakgrund = bakgrund.Trim(),
            SkapadUtc = db.UtcNow,
        };
        db.Add(arende);
        await db.SaveChangesAsync(); // the id names the case in the audit log and the notice
        audit.Add(user, AuditAction.Skapade, ObjectType, arende.Id, $"Ärende startat ({Workflows.SwedishText.Of(initiering)})");
        // The parties are told that a case exists; the mail carries no content, only the link.
        var parties = new List<MailRecipient>();
        if (ansvarig is not null && ansvarig.Id != user.PersonId()) parties.Add(new(ansvarig.Epost, ansvarig.Namn));
        if (initiering == Initiering.Arbetsgivaren) parties.Add(new(chef.Epost, chef.Namn));
        if (initiering == Initiering.EgenBegaran)
            parties.AddRange((await users.GetUsersInRoleAsync(Roller.HR)).Where(u => u.KommunId == chef.KommunId).Select(u => new MailRecipient(u.Email!, u.Namn)));
        foreach (var p in parties.DistinctBy(p => p.Address))
            await NoticeAsync(arende, p, "Ett ärende om ditt eller din medarbetares chefsuppdrag har startats.");
        return arende;
    }

    /// <summary>A step of the case, taken by the employer side; closing with an outcome other than staying starts the
    /// knowledge transfer in the same save.</summary>
    public async Task<CommandResult> FireAsync(int id, Guid version, AvvecklingHandelse trigger, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(id, user, AvvecklingAccess.CanDrive, ct) is not { } a) return CommandResult.NotFound;
        if (a.Version != version) return VersionedCommands.Conflict();
        var result = Workflow(a).Fire(trigger, user.Actor());
        if (!result.Succeeded) return db.Refuse(result.Reasons);
        audit.Add(user, AuditAction.Andrade, ObjectType, a.Id, $"Steg: {Workflows.SwedishText.Of(trigger)}");
        if (trigger == AvvecklingHandelse.Avsluta && a.Utfall != AvvecklingUtfall.FortsattChefskap)
            foreach (var handler in onAvslutad) await handler.OnAvslutadAsync(a, ct);
        // The plan is shared with the manager it concerns when it starts to be carried out: the mail says only that.
        if (trigger == AvvecklingHandelse.Genomfor && a.ChefPersonId != user.PersonId()
            && await db.Personer.Where(p => p.Id == a.ChefPersonId).Select(p => new MailRecipient(p.Epost, p.Fornamn + " " + p.Efternamn)).FirstOrDefaultAsync(ct) is { } chef)
            await NoticeAsync(a, chef, "Handlingsplanen i ärendet om ditt chefsuppdrag är klar och genomförandet har startat. Läs planen och dess åtgärder i portalen.");
        return await db.CommitAsync(a, version, Workflows.SwedishText.Done(trigger), ct);
    }

    /// <summary>
    /// Adds an action to the open plan; the first one draws up the plan. Its date lies from a year back (an action
    /// under way is written down afterwards) to two years ahead, and its follow-up on or after it, within the same window:
    /// the reminder job reckons with both.
    /// </summary>
    public async Task<CommandResult> LaggTillAtgardAsync(int id, Guid version, PlaneradAtgard ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(id, user, AvvecklingAccess.CanDrive, ct) is not { } a) return CommandResult.NotFound;
        if (a.Version != version) return VersionedCommands.Conflict();
        if (!AvvecklingWorkflow.PlanenOppen.Contains(a.State)) return CommandResult.Refused(PlanenStangd);
        var fonster = Datumfonster.Kring(Today, 1, 2);
        var fel = new List<string>();
        if (!fonster.Rymmer(ny.Datum)) fel.Add($"Åtgärdens datum ska ligga {fonster.Text}.");
        if (!fonster.Rymmer(ny.Uppfoljning)) fel.Add($"Uppföljningsdatumet ska ligga {fonster.Text}.");
        else if (ny.Uppfoljning < ny.Datum) fel.Add("Uppföljningen kan inte ligga före åtgärdens datum.");
        if (fel.Count > 0) return CommandResult.Refused(fel);
        a.Atgarder.Add(new Atgard
        {
            KommunId = a.KommunId, Beskrivning = ny.Beskrivning.Trim(), Ansvarig = ny.Ansvarig.Trim(), ArStod = ny.ArStod,
            Datum = ny.Datum, Uppfoljning = ny.Uppfoljning,
        });
        audit.Add(user, AuditAction.Andrade, ObjectType, a.Id, "Åtgärd tillagd");
        if (a.State == AvvecklingTillstand.Initierad) Workflow(a).Fire(AvvecklingHandelse.UpprattaPlan, user.Actor(), "Första åtgärden lades till");
        return await db.CommitAsync(a, version, "Åtgärden är tillagd i handlingsplanen.", ct);
    }

    /// <summary>An action of the open plan carried out.</summary>
    public async Task<CommandResult> MarkeraGenomfordAsync(int id, Guid version, int atgardId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(id, user, AvvecklingAccess.CanDrive, ct) is not { } a) return CommandResult.NotFound;
        if (a.Version != version) return VersionedCommands.Conflict();
        if (a.Atgarder.FirstOrDefault(x => x.Id == atgardId) is not { } atgard) return CommandResult.Refused(AtgardenFinnsInte);
        if (!AvvecklingWorkflow.PlanenOppen.Contains(a.State)) return CommandResult.Refused(PlanenStangd);
        atgard.GenomfordUtc ??= db.UtcNow;
        audit.Add(user, AuditAction.Andrade, ObjectType, a.Id, "Åtgärd genomförd");
        return await db.CommitAsync(a, version, "Åtgärden är markerad som genomförd.", ct);
    }

    /// <summary>A follow-up note on an action of the open plan, by any party: the manager concerned writes their own.</summary>
    public async Task<CommandResult> SkrivAnteckningAsync(int id, Guid version, int atgardId, string? text, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(id, user, AvvecklingAccess.CanSee, ct) is not { } a) return CommandResult.NotFound;
        if (a.Version != version) return VersionedCommands.Conflict();
        if (a.Atgarder.FirstOrDefault(x => x.Id == atgardId) is not { } atgard) return CommandResult.Refused(AtgardenFinnsInte);
        if (!AvvecklingWorkflow.PlanenOppen.Contains(a.State)) return CommandResult.Refused(PlanenStangd);
        if (string.IsNullOrWhiteSpace(text) || text.Length > AnteckningMaxLangd) return CommandResult.Refused($"Skriv en anteckning (högst {AnteckningMaxLangd} tecken).");
        atgard.Anteckningar.Add(new Uppfoljningsanteckning { KommunId = a.KommunId, SkrivenUtc = db.UtcNow, Av = user.Namn(), Text = text.Trim() });
        audit.Add(user, AuditAction.Andrade, ObjectType, a.Id, "Uppföljningsanteckning");
        return await db.CommitAsync(a, version, "Anteckningen är sparad.", ct);
    }

    /// <summary>The evaluation and the outcome, in the step Utvärdering; a last day as manager under the transfer's rule
    /// (<see cref="Ledarakademin.Kompetensvaxling.SistaDagFel"/>), since closing the case starts the transfer from it.</summary>
    public async Task<CommandResult> SparaUtvarderingAsync(int id, Guid version, Utvardering utvardering, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(id, user, AvvecklingAccess.CanDrive, ct) is not { } a) return CommandResult.NotFound;
        if (a.Version != version) return VersionedCommands.Conflict();
        if (a.State != AvvecklingTillstand.Utvardering) return CommandResult.Refused("Utfallet registreras i steget Utvärdering.");
        if (utvardering.SistaDag is { } dag && Ledarakademin.Kompetensvaxling.SistaDagFel(dag, Today) is { } fel) return CommandResult.Refused(fel);
        a.Utfall = utvardering.Utfall;
        a.Utvardering = utvardering.Text.Trim();
        a.SistaDagSomChef = utvardering.SistaDag;
        audit.Add(user, AuditAction.Andrade, ObjectType, a.Id, "Utvärdering och utfall");
        return await db.CommitAsync(a, version, "Utvärderingen är sparad.", ct);
    }

    /// <summary>An attachment to the case (a signed agreement, the plan as a document), judged by its content before it is stored.</summary>
    public async Task<CommandResult> LaggTillBilagaAsync(int id, Stream? innehall, string? filnamn, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(id, user, AvvecklingAccess.CanDrive, ct) is not { } a) return CommandResult.NotFound;
        if (innehall is null || string.IsNullOrEmpty(filnamn)) return CommandResult.Refused("Välj en fil.");
        var result = await documents.UploadAsync(innehall, filnamn, DokumentTyp.Bilaga, AvvecklingDocumentAccess.Owner, a.Id, user.UserId()!, ct);
        if (result.Error is not null) return CommandResult.Refused(result.Error);
        audit.Add(user, AuditAction.Andrade, ObjectType, a.Id, "Bilaga tillagd");
        await db.SaveChangesAsync(ct);
        return CommandResult.Done("Bilagan är sparad.");
    }

    public Task NoticeAsync(AvvecklingsArende a, MailRecipient to, string text) =>
        outbox.EnqueueAsync<ArendeNotis, ArendeNotis.Innehall>(to, "Ärende i ChefsRekrytering",
            new ArendeNotis.Innehall(to.Name, text, links.For($"/avveckling/{a.Id}")),
            topic: $"{ObjectType}:{a.Id}", kommunId: a.KommunId);

    public const int AnteckningMaxLangd = 4000;
    private const string PlanenStangd = "Handlingsplanen är stängd.";
    private const string AtgardenFinnsInte = "Åtgärden finns inte.";

    private AvvecklingWorkflow Workflow(AvvecklingsArende a) => new(a, db);

    private IQueryable<AvvecklingsArende> Arenden() =>
        db.Set<AvvecklingsArende>().Include(a => a.Atgarder).ThenInclude(x => x.Anteckningar).AsSplitQuery();

    /// <summary>The case with its plan, tracked for a change, if <paramref name="rule"/> lets the user act on it; else null,
    /// the same as a case that does not exist.</summary>
    private async Task<AvvecklingsArende?> FindAsync(int id, ClaimsPrincipal user, Func<ClaimsPrincipal, AvvecklingsArende, bool> rule, CancellationToken ct)
    {
        var a = await Arenden().FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is not null && rule(user, a) ? a : null;
    }
}

/// <summary>An action for the plan as it is given: what, who answers for it, when, and when it is followed up.</summary>
public sealed record PlaneradAtgard(string Beskrivning, string Ansvarig, DateOnly Datum, DateOnly Uppfoljning, bool ArStod);
