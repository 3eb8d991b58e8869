using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Avvecklingar;

/// <summary>What must follow when a case closes with an outcome other than staying (kompetensväxling, for one).</summary>
public interface IAvvecklingAvslutadHandler
{
    Task OnAvslutadAsync(AvvecklingsArende arende, CancellationToken ct);
}

/// <summary>Starts cases and keeps their consequences; every change is audit-logged in the same save. The caller saves.</summary>
public sealed class AvvecklingService(AppDbContext db, AuditLog audit, Outbox outbox, UserManager<ApplicationUser> users,
    IOptions<Kommuner.PortalOptions> options, IEnumerable<IAvvecklingAvslutadHandler> onAvslutad)
{
    public const string ObjectType = Granskning.Granskningsobjekt.Avveckling;

    public Task<AvvecklingsArende?> LoadAsync(int id) =>
        db.Set<AvvecklingsArende>().Include(a => a.Atgarder).ThenInclude(x => x.Anteckningar).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id);

    public AvvecklingWorkflow Workflow(AvvecklingsArende a) => new(a, db);

    /// <summary>The managers a user may start a case for: HR any manager; a manager those they are närmast högre chef for.</summary>
    public async Task<List<Person>> StartableForAsync(ClaimsPrincipal user)
    {
        var org = await db.LoadOrgChartAsync();
        var managers = (await db.Enheter.Where(e => e.ChefId != null).Select(e => e.ChefId!.Value).ToListAsync()).ToHashSet();
        var people = await db.Personer.Where(p => managers.Contains(p.Id)).OrderBy(p => p.Efternamn).ToListAsync();
        return user.IsInRole(Roller.HR) ? people : people.Where(p => org.ChefFor(p.Id) == user.PersonId()).ToList();
    }

    public async Task<AvvecklingsArende> StartAsync(Person chef, Initiering initiering, string bakgrund, ClaimsPrincipal user)
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

    public Task NoticeAsync(AvvecklingsArende a, MailRecipient to, string text) =>
        outbox.EnqueueAsync<ArendeNotis, ArendeNotis.Innehall>(to, "Ärende i ChefsRekrytering",
            new ArendeNotis.Innehall(to.Name, text, $"{options.Value.PublicUrl.TrimEnd('/')}/avveckling/{a.Id}"),
            topic: $"{ObjectType}:{a.Id}", kommunId: a.KommunId);

    /// <summary>Fires a step; closing with an outcome other than staying starts the knowledge transfer.</summary>
    public async Task<WorkflowResult> FireAsync(AvvecklingsArende a, AvvecklingHandelse trigger, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var result = Workflow(a).Fire(trigger, user.Actor());
        if (!result.Succeeded) return result;
        audit.Add(user, AuditAction.Andrade, ObjectType, a.Id, $"Steg: {Workflows.SwedishText.Of(trigger)}");
        if (trigger == AvvecklingHandelse.Avsluta && a.Utfall != AvvecklingUtfall.FortsattChefskap)
            foreach (var handler in onAvslutad) await handler.OnAvslutadAsync(a, ct);
        return result;
    }

    /// <summary>While the plan is open, actions are added to it.</summary>
    public static bool PlanenOppen(AvvecklingsArende a) =>
        a.State is AvvecklingTillstand.Initierad or AvvecklingTillstand.Handlingsplan or AvvecklingTillstand.Genomforande;

    /// <summary>
    /// Adds an action to the open plan; the first one draws up the plan. Its date lies from a year back (an action
    /// under way is written down afterwards) to two years ahead, and its follow-up on or after it, within the same window:
    /// the reminder job reckons with both.
    /// </summary>
    public WorkflowResult LaggTillAtgard(AvvecklingsArende a, PlaneradAtgard ny, ClaimsPrincipal user)
    {
        if (!PlanenOppen(a)) return WorkflowResult.Refused(["Handlingsplanen är stängd."]);
        var fonster = Datumfonster.Kring(Today, 1, 2);
        var fel = new List<GuardReason>();
        if (!fonster.Rymmer(ny.Datum)) fel.Add($"Åtgärdens datum ska ligga {fonster.Text}.");
        if (!fonster.Rymmer(ny.Uppfoljning)) fel.Add($"Uppföljningsdatumet ska ligga {fonster.Text}.");
        else if (ny.Uppfoljning < ny.Datum) fel.Add("Uppföljningen kan inte ligga före åtgärdens datum.");
        if (fel.Count > 0) return WorkflowResult.Refused(fel);
        a.Atgarder.Add(new Atgard
        {
            KommunId = a.KommunId, Beskrivning = ny.Beskrivning.Trim(), Ansvarig = ny.Ansvarig.Trim(), ArStod = ny.ArStod,
            Datum = ny.Datum, Uppfoljning = ny.Uppfoljning,
        });
        audit.Add(user, AuditAction.Andrade, ObjectType, a.Id, "Åtgärd tillagd");
        if (a.State == AvvecklingTillstand.Initierad) Workflow(a).Fire(AvvecklingHandelse.UpprattaPlan, user.Actor(), "Första åtgärden lades till");
        return WorkflowResult.Ok;
    }

    /// <summary>The evaluation and the outcome, in the step Utvärdering; a last day as manager under the transfer's rule
    /// (<see cref="Ledarakademin.Kompetensvaxling.SistaDagFel"/>), since closing the case starts the transfer from it.</summary>
    public WorkflowResult SparaUtvardering(AvvecklingsArende a, AvvecklingUtfall utfall, string text, DateOnly? sistaDag, ClaimsPrincipal user)
    {
        if (a.State != AvvecklingTillstand.Utvardering) return WorkflowResult.Refused(["Utfallet registreras i steget Utvärdering."]);
        if (sistaDag is { } dag && Ledarakademin.Kompetensvaxling.SistaDagFel(dag, Today) is { } fel) return WorkflowResult.Refused([fel]);
        a.Utfall = utfall;
        a.Utvardering = text.Trim();
        a.SistaDagSomChef = sistaDag;
        audit.Add(user, AuditAction.Andrade, ObjectType, a.Id, "Utvärdering och utfall");
        return WorkflowResult.Ok;
    }

    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));
}

/// <summary>An action for the plan as it is given: what, who answers for it, when, and when it is followed up.</summary>
public sealed record PlaneradAtgard(string Beskrivning, string Ansvarig, DateOnly Datum, DateOnly Uppfoljning, bool ArStod);
