using System.Security.Claims;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Byggare;

/// <summary>
/// The test data of one municipality of a portal, shared by every test class: its demo users by role or login, and
/// records made through the same commands the pages (and the demo seeding) call, by the people who would make them, so a
/// rule is never written twice and a refused step fails the test with the command's own reasons. Kalix unless told;
/// <see cref="I"/> gives the same builders in another municipality of the same portal.
/// </summary>
public sealed class Testdata(PortalFactory portal, string kommunId = "kalix")
{
    public PortalFactory Portal => portal;
    public string KommunId => kommunId;

    /// <summary>The same builders in another municipality (e.g. <c>data.I("alvsbyn")</c>).</summary>
    public Testdata I(string annanKommun) => new(portal, annanKommun);

    // ---- Users ----------------------------------------------------------------------------------------------------------

    /// <summary>The login named after each role in the demo municipalities; a small one has fewer accounts, each with
    /// several roles, and then the first account holding the role is used.</summary>
    private static readonly Dictionary<string, string> Rollkonto = new()
    {
        [Roller.Medarbetare] = "medarbetare", [Roller.Chef] = "chef", [Roller.RekryterandeChef] = "rekryterande",
        [Roller.HR] = "hr", [Roller.Jury] = "jury", [Roller.Admin] = "admin",
    };

    /// <summary>The municipality's demo account holding <paramref name="roll"/> (one of <see cref="Roller"/>): in Kalix
    /// Emma (Medarbetare), Karin (Chef), Anders (Rekryterande chef), Lena (HR), Oskar (Jury) and Nils (Admin).</summary>
    public Task<Anvandare> AnvandareAsync(string roll)
    {
        var konton = DemoSeeder.Accounts([kommunId]).Where(a => a.Roller.Contains(roll)).Select(a => a.Epost.Split('@')[0]).ToList();
        var login = konton.Contains(Rollkonto[roll]) ? Rollkonto[roll]
            : konton.FirstOrDefault() ?? throw new InvalidOperationException($"Inget demokonto med rollen {roll} i {kommunId}.");
        return KontoAsync(login);
    }

    /// <summary>A demo account by its login (the part of its address before the @, e.g. "kommunchef").</summary>
    public async Task<Anvandare> KontoAsync(string login)
    {
        await using var scope = portal.ScopeFor(kommunId, out _);
        var konto = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoSeeder.LoginFor(kommunId, login))
            ?? throw new InvalidOperationException($"Demokontot {login}@{kommunId} saknas.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(konto);
        return new Anvandare(portal, login, konto, principal);
    }

    /// <summary>A demo account as signed in, with the claims the portal gives it (municipality, person, name, roles): for
    /// calling a feature's commands directly, as its page would.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string login) => (await KontoAsync(login)).Principal;

    /// <summary>A browser signed in as the demo account.</summary>
    public Task<PortalClient> InloggadAsync(string login) => PortalClient.For(portal).SignInAsync(kommunId, login);

    /// <summary>
    /// Someone holding <paramref name="roll"/> and nothing else, with no account behind it: for a rule about the role
    /// itself, where a demo account's other roles (a small municipality's HR is also its Admin) would blur what is tried.
    /// </summary>
    public ClaimsPrincipal Roll(string roll, string? namn = null, int? personId = null) => new(new ClaimsIdentity([
        new(PortalClaims.Kommun, kommunId), new(ClaimTypes.Role, roll), new(PortalClaims.Namn, namn ?? roll),
        new(ClaimTypes.NameIdentifier, $"{namn ?? roll}-{kommunId}"),
        .. personId is int id ? new[] { new Claim(PortalClaims.PersonId, id.ToString()) } : [],
    ], "test"));

    /// <summary>The person behind a demo address (e.g. "chef" is Karin Öberg in Kalix, "per.sandberg" Per Sandberg).</summary>
    public async Task<int> PersonIdAsync(string login)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        var epost = DemoSeeder.LoginFor(kommunId, login);
        return await db.Personer.Where(p => p.Epost == epost).Select(p => p.Id).SingleAsync();
    }

    /// <summary>The person by name, "Karin Öberg" or just "Öberg", for readable tests.</summary>
    public async Task<int> IdForNamnAsync(string namn)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        return await db.Personer.Where(p => p.Efternamn == namn || p.Fornamn + " " + p.Efternamn == namn).Select(p => p.Id).SingleAsync();
    }

    // ---- Recruitments ---------------------------------------------------------------------------------------------------

    /// <summary>A recruitment owned by rekryterande@, brought as far as the test needs (<see cref="RekryteringBuilder"/>).</summary>
    public RekryteringBuilder NyRekrytering() => new(portal, kommunId);

    /// <summary>A Kalix recruitment in its interview phase with two applicants (<see cref="IntervjuBuilder"/>).</summary>
    public IntervjuBuilder NyIntervju() => kommunId == IntervjuBuilder.Kommun ? new(portal)
        : throw new InvalidOperationException($"IntervjuBuilder bygger i {IntervjuBuilder.Kommun}, inte i {kommunId}.");

    /// <summary>A Kalix recruitment filled or cancelled, with everything gallring takes away (<see cref="AvslutadRekrytering"/>).</summary>
    public AvslutadRekrytering NyAvslutadRekrytering() => kommunId == IntervjuBuilder.Kommun ? new(portal)
        : throw new InvalidOperationException($"AvslutadRekrytering bygger i {IntervjuBuilder.Kommun}, inte i {kommunId}.");

    /// <summary>A new recruitment's need in the municipality's first unit, made by <paramref name="agare"/> (the recruiting
    /// manager unless told) through the new-recruitment form's command; its id and diarienummer.</summary>
    public async Task<(int Id, string Diarienummer)> BehovAsync(string titel, string agare = "rekryterande")
    {
        var user = await PrincipalAsync(agare);
        await using var scope = portal.ScopeFor(kommunId, out var db);
        var enhet = await db.Enheter.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var id = Lyckat(await scope.ServiceProvider.GetRequiredService<RekryteringService>().SkapaAsync(
            new Behov(titel, enhet, "Enheten behöver en ny chef när den nuvarande går i pension.", Anstallningsform.Tillsvidare, 100, null), user), "Rekryteringen");
        return (id, await db.Set<Rekryteringar.Rekrytering>().Where(r => r.Id == id).Select(r => r.Diarienummer).SingleAsync());
    }

    /// <summary>One command on a recruitment with the version it has now, as the page's form carries it; its answer.</summary>
    public async Task<CommandResult> RekryteringsstegAsync(int id, Func<RekryteringService, Guid, Task<CommandResult>> steg)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        var version = await db.Set<Rekryteringar.Rekrytering>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
        return await steg(scope.ServiceProvider.GetRequiredService<RekryteringService>(), version);
    }

    /// <summary>An application to a published advert, sent as the public form sends it (with a CV); its access token.</summary>
    public async Task<string> AnsokanAsync(int rekryteringId, string fornamn, string efternamn, string epost)
    {
        await using var scope = portal.ScopeFor(kommunId, out _);
        var resultat = await scope.ServiceProvider.GetRequiredService<AnsokanService>().SubmitAsync(rekryteringId,
            new NyAnsokan(fornamn, efternamn, epost, "070-000 00 00", new AnsokanFil("cv.pdf", new MemoryStream(TestFiles.Pdf())), null),
            token => $"/ansokan/{token}");
        return resultat.Token ?? throw new InvalidOperationException($"Ansökan nekades: {string.Join(" ", resultat.Fel.Select(f => f.Text))}");
    }

    // ---- Introductions, cases, self-assessments -------------------------------------------------------------------------

    /// <summary>
    /// An introduction HR starts for the person (<see cref="IntroduktionService.SkapaAsync"/>), answered for by the
    /// demo account <paramref name="anstallandeChef"/> (Anders Nilsson in Kalix), starting <paramref name="startdatum"/>
    /// (today by default).
    /// </summary>
    public async Task<int> IntroduktionAsync(int personId, string befattning = "Enhetschef", DateOnly? startdatum = null,
        string anstallandeChef = "rekryterande")
    {
        var hr = await PrincipalAsync("hr");
        var chef = await KontoAsync(anstallandeChef);
        await using var scope = portal.ScopeFor(kommunId, out _);
        var service = scope.ServiceProvider.GetRequiredService<IntroduktionService>();
        var skapad = await service.SkapaAsync(new NyIntroduktion(personId, befattning, startdatum ?? service.Today, chef.UserId), hr);
        return Lyckat(skapad, "Introduktionen");
    }

    /// <summary>A case about the person's managership, started by <paramref name="av"/> (HR unless told; the närmast
    /// högre chef may too) as the case list's form starts it (<see cref="AvvecklingService.StartaArendeAsync"/>).</summary>
    public async Task<int> AvvecklingAsync(int personId, string bakgrund, string av = "hr")
    {
        var user = await PrincipalAsync(av);
        await using var scope = portal.ScopeFor(kommunId, out _);
        var startad = await scope.ServiceProvider.GetRequiredService<AvvecklingService>().StartaArendeAsync(new NyttArende(personId, false, bakgrund), user);
        return Lyckat(startad, "Ärendet");
    }

    /// <summary>This year's self-assessment, begun by the manager behind <paramref name="login"/> themself
    /// (<see cref="SjalvskattningService.PaborjaAsync"/>); the year.</summary>
    public async Task<int> SjalvskattningAsync(string login = "chef")
    {
        var chef = await KontoAsync(login);
        await using var scope = portal.ScopeFor(kommunId, out _);
        var paborjad = await scope.ServiceProvider.GetRequiredService<SjalvskattningService>().PaborjaAsync(chef.PersonId!.Value, chef.Principal);
        return Lyckat(paborjad, "Självskattningen");
    }

    /// <summary>What a contract says unless the test says otherwise: Karin's unit and a requirement of Kalix's policy.</summary>
    public static readonly KontraktInnehall StandardKontrakt = new("Hemtjänst Centrum.", "Ny planering av turerna.", "Budget i balans.", null, ["verksamhet-1"]);

    /// <summary>
    /// The manager's contract (<paramref name="chef"/> by login), drafted by <paramref name="uppdragsgivare"/>, their
    /// närmast högre chef, through the contract page's command and, when <paramref name="bekraftat"/>, confirmed by the
    /// manager and then by the principal, so it is in force from today; the id of that version.
    /// </summary>
    public async Task<int> UppdragskontraktAsync(string chef = "chef", string uppdragsgivare = "rekryterande", bool bekraftat = false,
        KontraktInnehall? innehall = null)
    {
        var (c, u) = (await KontoAsync(chef), await KontoAsync(uppdragsgivare));
        var personId = c.PersonId!.Value;
        await KontraktstegAsync(personId, (s, v) => s.SparaUtkastAsync(personId, v, innehall ?? StandardKontrakt, null, u.Principal), "Utkastet");
        if (bekraftat)
        {
            await KontraktstegAsync(personId, (s, v) => s.BekraftaAsync(personId, v, KontraktSida.Chef, c.Principal), "Chefens bekräftelse");
            await KontraktstegAsync(personId, (s, v) => s.BekraftaAsync(personId, v, KontraktSida.Uppdragsgivare, u.Principal), "Uppdragsgivarens bekräftelse");
        }
        await using var scope = portal.ScopeFor(kommunId, out var db);
        return await db.Set<Uppdragskontrakt>().Where(k => k.ChefPersonId == personId).OrderByDescending(k => k.Versionsnummer).Select(k => k.Id).FirstAsync();
    }

    /// <summary>One command on the manager's contract with the version of its open draft, as the page's form carries it.</summary>
    private async Task KontraktstegAsync(int personId, Func<UppdragskontraktService, Guid, Task<CommandResult>> steg, string vad)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        var version = await db.Set<Uppdragskontrakt>().Where(k => k.ChefPersonId == personId && k.State == UppdragskontraktTillstand.Utkast)
            .Select(k => k.Version).FirstOrDefaultAsync();
        Lyckat(await steg(scope.ServiceProvider.GetRequiredService<UppdragskontraktService>(), version), vad);
    }

    // ---- Årets chef -----------------------------------------------------------------------------------------------------

    /// <summary>
    /// A campaign created by HR for today (<see cref="AretsChefService.SkapaKampanjAsync"/>) and, unless planned, opened by
    /// the scheduler's own step (with the invitations). A later state is then set straight: closing waits for the last day
    /// and the jury's steps need nominations, and both are tested on their own.
    /// </summary>
    public async Task<int> KampanjAsync(int ar, KampanjTillstand state = KampanjTillstand.NomineringOppen, bool jurynSerNominatorer = false,
        bool offentlig = false)
    {
        var hr = await PrincipalAsync("hr");
        await using (var scope = portal.ScopeFor(kommunId, out _))
        {
            var service = scope.ServiceProvider.GetRequiredService<AretsChefService>();
            Lyckat(await service.SkapaKampanjAsync(new(ar, service.Today, service.Today.AddDays(14), jurynSerNominatorer, offentlig), hr), $"Kampanjen {ar}");
            if (state != KampanjTillstand.Planerad) Lyckat(await service.OppnaAsync(ar), $"Öppningen av {ar}");
        }
        if (state is not (KampanjTillstand.Planerad or KampanjTillstand.NomineringOppen)) await KampanjlageAsync(ar, state);
        await using var read = portal.ScopeFor(kommunId, out var db);
        return await db.Set<Kampanj>().Where(k => k.Ar == ar).Select(k => k.Id).SingleAsync();
    }

    /// <summary>Moves the year's campaign to <paramref name="state"/> without its steps (see <see cref="KampanjAsync"/>).</summary>
    public async Task KampanjlageAsync(int ar, KampanjTillstand state)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        (await db.Set<Kampanj>().SingleAsync(k => k.Ar == ar)).State = state;
        await db.SaveChangesAsync();
    }

    // ---- Commands -------------------------------------------------------------------------------------------------------

    /// <summary>One command (or query) of a feature service in a scope of its own, as one request.</summary>
    public async Task<T> KommandoAsync<TService, T>(Func<TService, Task<T>> command) where TService : notnull
    {
        await using var scope = portal.ScopeFor(kommunId, out _);
        return await command(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static void Lyckat(CommandResult result, string vad)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"{vad} nekades ({result.Outcome}): {string.Join(" ", result.Reasons)}");
    }

    private static T Lyckat<T>(CommandResult<T> result, string vad)
    {
        Lyckat(result.Result, vad);
        return result.Value!;
    }
}

/// <summary>A demo account: the stored user, the claims it signs in with, and a browser signed in as it on request.</summary>
public sealed class Anvandare(PortalFactory portal, string login, ApplicationUser konto, ClaimsPrincipal principal)
{
    public string Login => login;
    public ApplicationUser Konto => konto;
    public ClaimsPrincipal Principal => principal;
    public string UserId => konto.Id;
    public int? PersonId => konto.PersonId;
    public string Namn => konto.Namn;

    /// <summary>A browser signed in as this account, through the sign-in form.</summary>
    public Task<PortalClient> InloggadAsync() => PortalClient.For(portal).SignInAsync(konto.KommunId, login);
}
