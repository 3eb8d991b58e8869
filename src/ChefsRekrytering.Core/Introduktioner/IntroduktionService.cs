using System.Globalization;
using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Introduktioner;

/// <summary>What HR gives for an introduction of a manager hired outside the portal.</summary>
public sealed record NyIntroduktion(int PersonId, string Befattning, DateOnly Startdatum, string AnstallandeChefUserId);

/// <summary>The choices of the form that starts an introduction: the municipality's people, and its managers to answer for it.</summary>
public sealed record IntroduktionVal(IReadOnlyList<Person> Personer, IReadOnlyList<ApplicationUser> Chefer);

/// <summary>One introduction as the signed-in user may see it: the checklist, what they may do, booked talks and history.</summary>
public sealed record IntroduktionDetaljer(
    Introduktion Introduktion, Stateless.Reflection.StateMachineInfo Process, IReadOnlyList<WorkflowAction<IntroduktionHandelse>> NastaSteg,
    IReadOnlyDictionary<int, Mote> Moten, IReadOnlyList<WorkflowTransition> Historik, LeadershipPolicy Policy, DateOnly Idag,
    bool ArSjalv, bool ForArbetsgivaren, IReadOnlySet<int> Markerbara);

/// <summary>
/// Introductions: created by a filled recruitment (<see cref="Create"/>, saved with its change) or by HR; every change a
/// person makes is one command here, which loads the introduction, checks <see cref="IntroduktionAccess"/> and the version
/// the form was built from, changes and saves. The time-driven parts (the start, reminders of overdue items) are jobs.
/// </summary>
public sealed class IntroduktionService(
    AppDbContext db, PolicyLibrary policies, Listmallkalla mallar, Scheduler scheduler, Outbox outbox,
    UserManager<ApplicationUser> users, MeetingService meetings, MailLinks links)
{
    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    public const string ValkomstJobb = "introduktion-valkomst";

    /// <summary>
    /// Why an introduction HR starts cannot begin on this day, or null: from a year back (a manager already in post is
    /// given one afterwards) to two years ahead. Every item's due date is reckoned from it.
    /// </summary>
    public string? StartdatumFel(DateOnly startdatum)
    {
        var fonster = Datumfonster.Kring(Today, 1, 2);
        return fonster.Rymmer(startdatum) ? null : $"Startdatumet ska ligga {fonster.Text}.";
    }

    /// <summary>Every introduction the user may see: all of them for HR; for a manager their own, those of the managers
    /// they are närmast högre chef for and those they answer for as hiring manager.</summary>
    public async Task<IReadOnlyList<Introduktion>> ListaAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var org = await db.LoadOrgChartAsync(ct);
        var all = await db.Set<Introduktion>().AsNoTracking().Include(i => i.Punkter).OrderByDescending(i => i.Startdatum).ToListAsync(ct);
        return all.Where(i => IntroduktionAccess.KanSe(user, i, org)).ToList();
    }

    /// <summary>One introduction for its page, or null when it does not exist or the user may not see it.</summary>
    public async Task<IntroduktionDetaljer?> DetaljerAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(id, user, ct) is not (var intro, var org)) return null;
        var flode = Workflow(intro);
        var forArbetsgivaren = IntroduktionAccess.ForArbetsgivaren(user, intro, org);
        var historik = await db.WorkflowTransitions.AsNoTracking().Where(t => t.Workflow == flode.Name && t.SubjectId == id).OrderBy(t => t.Id).ToListAsync(ct);
        return new IntroduktionDetaljer(intro, flode.Info, forArbetsgivaren ? flode.Actions() : [], await MeetingsAsync(intro, ct), historik,
            policies.For(intro.KommunId, intro.PolicyversionId), Today, IntroduktionAccess.ArSjalv(user, intro), forArbetsgivaren,
            intro.Punkter.Where(p => IntroduktionAccess.KanMarkera(user, intro, p, org)).Select(p => p.Id).ToHashSet());
    }

    /// <summary>The people and the managers to choose from when HR starts an introduction; nothing for anyone else.</summary>
    public async Task<IntroduktionVal> ValAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!IntroduktionAccess.KanSkapa(user)) return new([], []);
        var personer = await db.Personer.AsNoTracking().OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn).ToListAsync(ct);
        var kommunId = user.KommunId();
        var chefer = (await users.GetUsersInRoleAsync(Roller.Chef)).Where(u => u.KommunId == kommunId).OrderBy(u => u.Namn).ToList();
        return new(personer, chefer);
    }

    /// <summary>HR starts an introduction for a manager hired outside the portal; the new manager is welcomed by mail.</summary>
    public async Task<CommandResult<int>> SkapaAsync(NyIntroduktion ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!IntroduktionAccess.KanSkapa(user)) return new(CommandResult.NotFound, 0);
        var hinder = new List<string>();
        var person = await db.Personer.FirstOrDefaultAsync(p => p.Id == ny.PersonId, ct);
        if (person is null) hinder.Add("Personen finns inte.");
        var hiring = await users.FindByIdAsync(ny.AnstallandeChefUserId);
        if (hiring is null || hiring.KommunId != user.KommunId()) hinder.Add("Den anställande chefen finns inte.");
        // The hiring manager answers for the introduction and ticks the employer's items: never the new manager themself.
        else if (person is not null && (hiring.PersonId == person.Id
                     || hiring.PersonId is null && string.Equals(hiring.Email?.Trim(), person.Epost.Trim(), StringComparison.OrdinalIgnoreCase)))
            hinder.Add($"{person.Namn} kan inte vara anställande chef för sin egen introduktion. Välj den chef som anställt {person.Fornamn}.");
        if (StartdatumFel(ny.Startdatum) is { } fel) hinder.Add(fel);
        if (person is not null && await db.Set<Introduktion>().AnyAsync(i => i.ChefPersonId == person.Id
                && i.State != IntroduktionTillstand.Avbruten && i.State != IntroduktionTillstand.Genomford, ct))
            hinder.Add("Personen har redan en pågående introduktion.");
        if (hinder.Count > 0 || person is null || hiring is null) return new(CommandResult.Refused(hinder), 0);

        var intro = await CreateAsync(person, ny.Befattning.Trim(), ny.Startdatum, hiring.Id, hiring.Namn, rekryteringId: null, ct);
        await db.SaveChangesAsync(ct);
        return new(CommandResult.Done($"Introduktionen för {person.Namn} är skapad. Ett välkomstmejl skickas till {person.Namn}."), intro.Id);
    }

    /// <summary>A step of the process, taken by the employer side; cancelling needs a reason.</summary>
    public async Task<CommandResult> FireAsync(int id, Guid version, IntroduktionHandelse trigger, string? kommentar, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (await FindAsync(id, user, ct, tracked: true) is not (var intro, var org)) return CommandResult.NotFound;
        if (intro.Version != version) return VersionedCommands.Conflict();
        if (!IntroduktionAccess.ForArbetsgivaren(user, intro, org)) return CommandResult.Refused("Introduktionen drivs av anställande chef och HR.");
        var result = Workflow(intro).Fire(trigger, user.Actor(), kommentar);
        if (!result.Succeeded) return db.Refuse(result.Reasons);
        return await db.CommitAsync(intro, version, SwedishText.Done(trigger), ct);
    }

    /// <summary>An item done, by its owner (<see cref="IntroduktionAccess.KanMarkera"/>); a policy section is the new
    /// manager's confirmation of having read it.</summary>
    public async Task<CommandResult> MarkeraKlarAsync(int id, Guid version, int punktId, string? kommentar, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (await FindAsync(id, user, ct, tracked: true) is not (var intro, var org)) return CommandResult.NotFound;
        if (intro.Version != version) return VersionedCommands.Conflict();
        if (intro.Punkter.FirstOrDefault(p => p.Id == punktId) is not { } punkt) return CommandResult.Refused("Punkten finns inte.");
        if (!IntroduktionAccess.KanMarkera(user, intro, punkt, org)) return CommandResult.Refused("Du kan inte markera den här punkten som klar.");
        Complete(punkt, user.Namn(), kommentar);
        return await db.CommitAsync(intro, version,
            punkt.Typ == PunktTyp.Policyavsnitt ? $"Du har bekräftat att du läst ”{punkt.Rubrik}”." : $"”{punkt.Rubrik}” är klar.", ct);
    }

    /// <summary>
    /// Books a follow-up talk with the new manager and the hiring manager, or moves it when it is already booked, at a time
    /// ahead of now and at most two years off (<see cref="MeetingService.Tidsfel"/>); the invitations go with the save.
    /// </summary>
    public async Task<CommandResult> BokaUppfoljningAsync(int id, Guid version, int punktId, Motestid tid, string plats, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (await FindAsync(id, user, ct, tracked: true) is not (var intro, var org)) return CommandResult.NotFound;
        if (intro.Version != version) return VersionedCommands.Conflict();
        if (intro.Punkter.FirstOrDefault(p => p.Id == punktId && p.Typ == PunktTyp.Uppfoljningssamtal) is not { } punkt)
            return CommandResult.Refused("Uppföljningssamtalet finns inte.");
        if (!IntroduktionAccess.ForArbetsgivaren(user, intro, org)) return CommandResult.Refused("Uppföljningssamtal bokas av anställande chef eller HR.");
        if (meetings.Tidsfel(tid, "Samtalet") is { } fel) return CommandResult.Refused(fel);
        if ((await MeetingsAsync(intro, ct)).TryGetValue(punkt.Id, out var booked))
            await meetings.RescheduleAsync(booked, tid.StartUtc(), tid.SlutUtc(), plats.Trim());
        else
            await BookAsync(intro, punkt, tid, plats.Trim(), user, ct);
        return await db.CommitAsync(intro, version, $"”{punkt.Rubrik}” är bokat och kallelser med kalenderinbjudan skickas.", ct);
    }

    /// <summary>
    /// A new introduction with its checklist; nothing is saved here, so it is stored with the change that caused it (a
    /// recruitment reaching Tillsatt, or <see cref="SkapaAsync"/>). The welcome (account, mail) follows as a job just after,
    /// because creating an account saves at once. The caller has checked the start date (<see cref="StartdatumFel"/>, or
    /// the offer's rule).
    /// </summary>
    public async Task<Introduktion> CreateAsync(Person chef, string befattning, DateOnly startdatum, string? anstallandeChefUserId,
        string anstallandeChefNamn, int? rekryteringId, CancellationToken ct = default)
    {
        Datumfonster.Rimligt.Krav(startdatum); // the due dates are reckoned from it
        var kommunId = chef.KommunId;
        var intro = new Introduktion
        {
            KommunId = kommunId, Chef = chef, ChefNamn = chef.Namn, Befattning = befattning, EnhetId = chef.EnhetId, Startdatum = startdatum,
            AnstallandeChefUserId = anstallandeChefUserId, AnstallandeChefNamn = anstallandeChefNamn, RekryteringId = rekryteringId,
            SkapadUtc = db.UtcNow,
        };
        // The items are due counted from the start; for a manager already in post (a start date past) from today, when the
        // introduction is made, or every item would be overdue, and reminded, on its first day.
        var fran = startdatum < Today ? Today : startdatum;
        var order = 0;
        // The municipality's current version of its template (HR's, else the file); the items are copied, so a later
        // version changes no introduction already made.
        var (_, mall) = await mallar.HamtaAsync<IntroduktionMallar.MallPunkt>(db, kommunId, Listmallar.Introduktion, ct);
        foreach (var p in mall)
            intro.Punkter.Add(new IntroduktionPunkt
            {
                KommunId = kommunId, Typ = p.Typ, Rubrik = p.Rubrik, Beskrivning = p.Beskrivning, Agare = p.Agare,
                Forfaller = fran.AddDays(p.Dagar), Obligatorisk = p.Obligatorisk, Ordning = order++,
            });
        // The policy is the base document: the new manager confirms having read each section (Älvsbyn: "introduceras i policyn").
        var policy = policies.Get(kommunId);
        intro.PolicyversionId = policy.VersionId;
        foreach (var section in policy.Avsnitt)
            intro.Punkter.Add(new IntroduktionPunkt
            {
                KommunId = kommunId, Typ = PunktTyp.Policyavsnitt, Rubrik = $"Läs {policy.Titel}: {section.Rubrik}",
                Agare = PunktAgare.NyChef, Forfaller = fran.AddDays(14), PolicyAvsnittId = section.Id, Ordning = order++,
            });
        db.Add(intro);
        scheduler.Schedule(ValkomstJobb, db.UtcNow, kommunId: kommunId);
        return intro;
    }

    /// <summary>Marks an item done within another change (e.g. the contract confirmed by both parties); a follow-up talk or
    /// contract item may carry a comment.</summary>
    internal void Complete(IntroduktionPunkt punkt, string vem, string? kommentar)
    {
        punkt.KlarUtc ??= db.UtcNow;
        punkt.KlarAv ??= vem;
        punkt.Kommentar = string.IsNullOrWhiteSpace(kommentar) ? punkt.Kommentar : kommentar.Trim();
    }

    /// <summary>A step taken by the scheduler (the start as the start date nears); the caller saves.</summary>
    internal WorkflowResult FireAsSystem(Introduktion intro, IntroduktionHandelse trigger, string comment) =>
        Workflow(intro).Fire(trigger, Actor.System, comment);

    private IntroduktionWorkflow Workflow(Introduktion i) => new(i, db, Today);

    private sealed record Funnen(Introduktion Intro, OrgChart Org);

    /// <summary>The introduction with its checklist, if the user may see it (deny by default: missing and not allowed
    /// are the same null). Tracked for a command, read-only for a page.</summary>
    private async Task<Funnen?> FindAsync(int id, ClaimsPrincipal user, CancellationToken ct, bool tracked = false)
    {
        var query = db.Set<Introduktion>().Include(i => i.Punkter).Where(i => i.Id == id);
        var intro = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (intro is null) return null;
        var org = await db.LoadOrgChartAsync(ct);
        return IntroduktionAccess.KanSe(user, intro, org) ? new(intro, org) : null;
    }

    /// <summary>The talk is the hiring manager's, or (without one) that of whoever books it; the new manager is invited.</summary>
    private async Task<Mote> BookAsync(Introduktion intro, IntroduktionPunkt punkt, Motestid tid, string plats, ClaimsPrincipal user, CancellationToken ct)
    {
        var chefEmail = await db.Personer.Where(p => p.Id == intro.ChefPersonId).Select(p => p.Epost).FirstAsync(ct);
        var organizer = await users.FindByIdAsync(intro.AnstallandeChefUserId ?? user.UserId() ?? "") is { Email: { } email } arrangor
            ? new MailRecipient(email, arrangor.Namn)
            : new MailRecipient(chefEmail, intro.ChefNamn);
        return await meetings.BookAsync(new MeetingRequest(
            $"{punkt.Rubrik}: {intro.ChefNamn}", punkt.Beskrivning, plats, tid.StartUtc(), tid.SlutUtc(), organizer,
            [new MailRecipient(chefEmail, intro.ChefNamn)], Koppling(punkt)), intro.KommunId);
    }

    private static string Koppling(IntroduktionPunkt punkt) => $"IntroduktionPunkt:{punkt.Id}";

    /// <summary>The booked meetings of an introduction's items, by item id.</summary>
    private async Task<Dictionary<int, Mote>> MeetingsAsync(Introduktion intro, CancellationToken ct)
    {
        var keys = intro.Punkter.Select(Koppling).ToList();
        var booked = await db.Set<Mote>().Where(m => keys.Contains(m.Koppling) && m.Status == MoteStatus.Bokat).ToListAsync(ct);
        return booked.GroupBy(m => m.Koppling).ToDictionary(g => int.Parse(g.Key.Split(':')[1], CultureInfo.InvariantCulture), g => g.OrderBy(m => m.Id).Last());
    }

    /// <summary>
    /// Gives the new manager an account if they have none, and sends the welcome mail with a set-password link. The
    /// account is looked for in the introduction's municipality only (the filter sees no other); an address that an
    /// account of another municipality already uses is never given a second account, a role or a mail: HR is told why.
    /// </summary>
    internal async Task WelcomeAsync(Introduktion intro, Person chef)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.PersonId == chef.Id)
            ?? await db.Users.FirstOrDefaultAsync(u => u.PersonId == null && u.NormalizedEmail == users.NormalizeEmail(chef.Epost));
        string? link = null;
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = chef.Epost, Email = chef.Epost, EmailConfirmed = true, KommunId = chef.KommunId, Namn = chef.Namn, PersonId = chef.Id,
            };
            var created = await users.CreateAsync(user);
            if (created.Errors.Any(e => e.Code is UnikAdressIHelaPortalen.Kod or nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)))
            {
                intro.ValkomstHinder = $"{chef.Namn} fick inget konto och inget välkomstmejl: e-postadressen {chef.Epost} används redan av " +
                    "ett annat konto i portalen. Ändra personens e-postadress, eller kontakta portalens administratör.";
                intro.ValkomstUtc = db.UtcNow;
                return;
            }
            Check(created);
            Check(await users.AddToRolesAsync(user, [Roller.Medarbetare, Roller.Chef]));
            var token = await users.GeneratePasswordResetTokenAsync(user);
            link = links.For($"/konto/valj-losenord?id={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        }
        else
        {
            if (user.PersonId is null)
            {
                user.PersonId = chef.Id;
                Check(await users.UpdateAsync(user));
            }
            if (!await users.IsInRoleAsync(user, Roller.Chef)) Check(await users.AddToRoleAsync(user, Roller.Chef));
        }
        await outbox.EnqueueAsync<ValkommenNyChef, ValkommenNyChef.Innehall>(new MailRecipient(chef.Epost, chef.Namn), $"Välkommen som {intro.Befattning}",
            new ValkommenNyChef.Innehall(chef.Namn, intro.Befattning, intro.Startdatum, intro.AnstallandeChefNamn, policies.Find(chef.KommunId)?.Kommun, link),
            topic: $"Introduktion:{intro.Id}", kommunId: intro.KommunId);
        intro.ValkomstUtc = db.UtcNow;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Who gets the reminder for an item: the new manager, the hiring manager, or every HR user.</summary>
    internal async Task<List<MailRecipient>> OwnersAsync(Introduktion intro, IntroduktionPunkt punkt) => punkt.Agare switch
    {
        PunktAgare.NyChef => await db.Personer.Where(p => p.Id == intro.ChefPersonId).Select(p => new MailRecipient(p.Epost, p.Fornamn + " " + p.Efternamn)).ToListAsync(),
        PunktAgare.AnstallandeChef => await db.Users.Where(u => u.Id == intro.AnstallandeChefUserId).Select(u => new MailRecipient(u.Email!, u.Namn)).ToListAsync(),
        _ => (await users.GetUsersInRoleAsync(Roller.HR)).Where(u => u.KommunId == intro.KommunId).Select(u => new MailRecipient(u.Email!, u.Namn)).ToList(),
    };

    internal string Link(Introduktion intro) => links.For($"/introduktion/{intro.Id}");
}
