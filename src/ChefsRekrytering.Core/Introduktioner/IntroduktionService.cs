using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Introduktioner;

/// <summary>
/// Creates introductions (from a filled recruitment or by HR), builds their checklist from the municipality's template
/// and policy, and keeps the time-driven parts: the start, reminders for overdue items. The caller saves.
/// </summary>
public sealed class IntroduktionService(
    AppDbContext db, PolicyLibrary policies, IntroduktionMallar mallar, Scheduler scheduler, Outbox outbox,
    UserManager<ApplicationUser> users, MeetingService meetings, IOptions<PortalOptions> options)
{

    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    public Task<Introduktion?> LoadAsync(int id, CancellationToken ct = default) =>
        db.Set<Introduktion>().Include(i => i.Punkter).FirstOrDefaultAsync(i => i.Id == id, ct);

    public IntroduktionWorkflow Workflow(Introduktion i) => new(i, db, Today);

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

    /// <summary>A new introduction with its checklist; nothing is saved here, so it is stored with the change that
    /// caused it. The welcome (account, mail) follows as a job just after, because creating an account saves at once.
    /// The caller has checked the start date (<see cref="StartdatumFel"/>, or the offer's rule).</summary>
    public Introduktion Create(Person chef, string befattning, DateOnly startdatum, string? anstallandeChefUserId,
        string anstallandeChefNamn, int? rekryteringId)
    {
        Datumfonster.Rimligt.Krav(startdatum); // the due dates are reckoned from it
        var kommunId = chef.KommunId;
        var intro = new Introduktion
        {
            KommunId = kommunId, Chef = chef, ChefNamn = chef.Namn, Befattning = befattning, EnhetId = chef.EnhetId, Startdatum = startdatum,
            AnstallandeChefUserId = anstallandeChefUserId, AnstallandeChefNamn = anstallandeChefNamn, RekryteringId = rekryteringId,
            SkapadUtc = db.UtcNow,
        };
        var order = 0;
        foreach (var p in mallar.For(kommunId))
            intro.Punkter.Add(new IntroduktionPunkt
            {
                KommunId = kommunId, Typ = p.Typ, Rubrik = p.Rubrik, Beskrivning = p.Beskrivning, Agare = p.Agare,
                Forfaller = startdatum.AddDays(p.Dagar), Obligatorisk = p.Obligatorisk, Ordning = order++,
            });
        // The policy is the base document: the new manager confirms having read each section (Älvsbyn: "introduceras i policyn").
        var policy = policies.Get(kommunId);
        foreach (var section in policy.Avsnitt)
            intro.Punkter.Add(new IntroduktionPunkt
            {
                KommunId = kommunId, Typ = PunktTyp.Policyavsnitt, Rubrik = $"Läs {policy.Titel}: {section.Rubrik}",
                Agare = PunktAgare.NyChef, Forfaller = startdatum.AddDays(14), PolicyAvsnittId = section.Id, Ordning = order++,
            });
        db.Add(intro);
        scheduler.Schedule(ValkomstJobb, db.UtcNow, kommunId: kommunId);
        return intro;
    }

    /// <summary>Marks an item done; a follow-up talk or contract item may carry a comment.</summary>
    public void Complete(IntroduktionPunkt punkt, string vem, string? kommentar)
    {
        punkt.KlarUtc ??= db.UtcNow;
        punkt.KlarAv ??= vem;
        punkt.Kommentar = string.IsNullOrWhiteSpace(kommentar) ? punkt.Kommentar : kommentar.Trim();
    }

    /// <summary>
    /// Books a follow-up talk, or moves it when it is already booked, at a time ahead of now and at most two years off
    /// (<see cref="MeetingService.Tidsfel"/>); else refused with nothing booked.
    /// </summary>
    public async Task<WorkflowResult> BokaUppfoljningAsync(Introduktion intro, IntroduktionPunkt punkt, Motestid tid, string plats)
    {
        if (punkt.Typ != PunktTyp.Uppfoljningssamtal) return WorkflowResult.Refused(["Uppföljningssamtalet finns inte."]);
        if (meetings.Tidsfel(tid, "Samtalet") is { } fel) return WorkflowResult.Refused([fel]);
        if ((await MeetingsAsync(intro)).TryGetValue(punkt.Id, out var booked))
            await meetings.RescheduleAsync(booked, tid.StartUtc(), tid.SlutUtc(), plats);
        else
            await BookAsync(intro, punkt, tid.StartUtc(), tid.Minuter, plats);
        return WorkflowResult.Ok;
    }

    /// <summary>Books a follow-up talk with the new manager and the hiring manager, with calendar invites.</summary>
    public async Task<Mote> BookAsync(Introduktion intro, IntroduktionPunkt punkt, DateTime startUtc, int minuter, string plats)
    {
        var chefEmail = await db.Personer.Where(p => p.Id == intro.ChefPersonId).Select(p => p.Epost).FirstAsync();
        var hiring = intro.AnstallandeChefUserId is null ? null : await users.FindByIdAsync(intro.AnstallandeChefUserId);
        var organizer = hiring is null ? new MailRecipient(chefEmail, intro.ChefNamn) : new MailRecipient(hiring.Email!, hiring.Namn);
        return await meetings.BookAsync(new MeetingRequest(
            $"{punkt.Rubrik}: {intro.ChefNamn}", punkt.Beskrivning, plats, startUtc, startUtc.AddMinutes(minuter), organizer,
            [new MailRecipient(chefEmail, intro.ChefNamn), .. hiring is null ? Array.Empty<MailRecipient>() : [organizer]],
            Koppling(punkt)), intro.KommunId);
    }

    public static string Koppling(IntroduktionPunkt punkt) => $"IntroduktionPunkt:{punkt.Id}";

    /// <summary>The booked meetings of an introduction's items, by item id.</summary>
    public async Task<Dictionary<int, Mote>> MeetingsAsync(Introduktion intro)
    {
        var keys = intro.Punkter.Select(Koppling).ToList();
        var booked = await db.Set<Mote>().Where(m => keys.Contains(m.Koppling) && m.Status == MoteStatus.Bokat).ToListAsync();
        return booked.GroupBy(m => m.Koppling).ToDictionary(g => int.Parse(g.Key.Split(':')[1]), g => g.OrderBy(m => m.Id).Last());
    }

    /// <summary>
    /// Gives the new manager an account if they have none, and sends the welcome mail with a set-password link. The
    /// account is looked for in the introduction's municipality only (the filter sees no other); an address that an
    /// account of another municipality already uses is never given a second account, a role or a mail: HR is told why.
    /// </summary>
    public async Task WelcomeAsync(Introduktion intro, Person chef)
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
            link = $"{options.Value.PublicUrl.TrimEnd('/')}/konto/valj-losenord?id={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
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
    public async Task<List<MailRecipient>> OwnersAsync(Introduktion intro, IntroduktionPunkt punkt) => punkt.Agare switch
    {
        PunktAgare.NyChef => await db.Personer.Where(p => p.Id == intro.ChefPersonId).Select(p => new MailRecipient(p.Epost, p.Fornamn + " " + p.Efternamn)).ToListAsync(),
        PunktAgare.AnstallandeChef => await db.Users.Where(u => u.Id == intro.AnstallandeChefUserId).Select(u => new MailRecipient(u.Email!, u.Namn)).ToListAsync(),
        _ => (await users.GetUsersInRoleAsync(Roller.HR)).Where(u => u.KommunId == intro.KommunId).Select(u => new MailRecipient(u.Email!, u.Namn)).ToList(),
    };

    public string Link(Introduktion intro) => $"{options.Value.PublicUrl.TrimEnd('/')}/introduktion/{intro.Id}";
}
