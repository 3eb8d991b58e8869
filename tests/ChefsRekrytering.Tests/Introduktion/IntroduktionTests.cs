using System.Net;
using System.Text.RegularExpressions;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Introduktion;

public sealed partial class IntroduktionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory()
            .WithClock(_clock)
            .With("Portal:PublicUrl", "https://chefsportal.example");
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TillsattRekryteringGerNyaChefenEnIntroduktionOchPaStartdagenEnhetenAttLeda()
    {
        int rekryteringId;
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var r = await FilledOfferAsync(db, "nora.nystrom@example.com");
            rekryteringId = r.Id;
            var service = scope.ServiceProvider.GetRequiredService<RekryteringService>();
            var result = await service.FireAsync((await service.LoadAsync(r.Id))!, RekryteringsHandelse.Tillsatt, new Actor("hr", "Lena Forsberg"));
            Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
            await db.SaveChangesAsync();
        }
        await _portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();

        await using var check = _portal.ScopeFor("kalix", out var read);
        var person = await read.Personer.SingleAsync(p => p.Epost == "nora.nystrom@example.com");
        // She leads the unit from her start date, not from the filling (see NyChefTilltraderTests).
        Assert.Null((await read.Enheter.SingleAsync(e => e.Namn == "Äldreboendet Furugården")).ChefId);
        var intro = await read.Set<Introduktioner.Introduktion>().Include(i => i.Punkter).SingleAsync(i => i.ChefPersonId == person.Id);
        Assert.Equal((rekryteringId, "Anders Nilsson", new DateOnly(2027, 2, 1)), (intro.RekryteringId!.Value, intro.AnstallandeChefNamn, intro.Startdatum));
        // Kalix's own template plus one confirmation per section of the Kalix ledarplan.
        Assert.Contains(intro.Punkter, p => p.Rubrik == "Möte med Arbetsgivarenheten" && p.Agare == PunktAgare.HR);
        Assert.Equal(10, intro.Punkter.Count(p => p.Typ == PunktTyp.Policyavsnitt));
        Assert.Equal(3, intro.Punkter.Count(p => p.Typ == PunktTyp.Uppfoljningssamtal));
        Assert.Contains(intro.Punkter, p => p.Rubrik.EndsWith("Chefsuppdraget – Social kompetens"));

        var welcome = await read.Set<OutboxMessage>().SingleAsync(m => m.Topic == $"Introduktion:{intro.Id}");
        Assert.Equal(("nora.nystrom@example.com", "Välkommen som Enhetschef Äldreboendet Furugården"), (welcome.ToAddress, welcome.Subject));
        Assert.Matches(SetPasswordLink(), welcome.TextBody);
        var user = await read.Users.SingleAsync(u => u.Email == "nora.nystrom@example.com");
        Assert.Equal(person.Id, user.PersonId);

        _clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 6, 0, 0, TimeSpan.Zero));
        await _portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();
        await using var later = _portal.ScopeFor("kalix", out var sedan);
        Assert.Equal(person.Id, (await sedan.Enheter.SingleAsync(e => e.Namn == "Äldreboendet Furugården")).ChefId);
    }

    [Fact]
    public async Task NyChefValjerLosenordLaserPolicynOchIntroduktionenGenomfors()
    {
        var hr = await PortalClient.For(_portal).SignInAsync("kalix", "hr");
        var form = await hr.PageAsync("/introduktion/ny");
        string Option(string select, string text) => form.QuerySelector($"select[name='{select}']")!.QuerySelectorAll("option").First(o => o.TextContent.Contains(text)).GetAttribute("value")!;
        var created = await hr.PostFormAsync("/introduktion/ny", new()
        {
            ["Input.PersonId"] = Option("Input.PersonId", "Erik Lindberg"), ["Input.Befattning"] = "Biträdande rektor",
            ["Input.Startdatum"] = "2026-11-30", ["Input.AnstallandeChefUserId"] = Option("Input.AnstallandeChefUserId", "Anders Nilsson"),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var runner = _portal.Services.GetRequiredService<SchedulerRunner>();
        await runner.RunDueAsync(); // welcome mail and account, and the daily check: the start is a week away, so it starts

        // The new manager chooses a password from the welcome mail's link and signs in.
        string link;
        await using (var scope = _portal.ScopeFor("kalix", out var db))
            link = SetPasswordLink().Match((await db.Set<OutboxMessage>().SingleAsync(m => m.Topic == $"Introduktion:{int.Parse(url.Split('/').Last())}")).TextBody).Value;
        var erik = PortalClient.For(_portal);
        var setPassword = new Uri(link).PathAndQuery;
        var chosen = await erik.PostFormAsync(setPassword, new() { ["Input.Losenord"] = "Ett-nytt-losenord-7", ["Input.Upprepa"] = "Ett-nytt-losenord-7" }, formPage: setPassword);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await erik.PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = "erik.lindberg@kalix.example", ["Input.Losenord"] = "Ett-nytt-losenord-7" })).StatusCode);

        var page = await erik.PageAsync(url);
        Assert.Contains("Pågår", page.QuerySelector("dl.facts")!.TextContent);
        // Nobody but Erik can confirm his reading of the policy.
        var policyItem = page.QuerySelectorAll("form[action*='handler=Klar']").First(f => f.TextContent.Contains("Jag har läst avsnittet"));
        var hrPage = await hr.PageAsync(url);
        Assert.DoesNotContain(hrPage.QuerySelectorAll("form[action*='handler=Klar']"), f => f.TextContent.Contains("Jag har läst avsnittet"));
        Assert.Contains("Du kan inte markera", await (await hr.PostFormAsync(policyItem.GetAttribute("action")!, new() { ["Version"] = await VersionAsync(url) }, formPage: url)).Content.ReadAsStringAsync());

        // Closing is refused while a required item is open.
        var refused = await hr.PostFormAsync($"{url}?handler=Fire", new() { ["trigger"] = "TillUppfoljning", ["Version"] = await VersionAsync(url) }, formPage: url);
        Assert.Contains("Alla obligatoriska punkter i introduktionen är inte klara", await refused.Content.ReadAsStringAsync());

        var anders = await PortalClient.For(_portal).SignInAsync("kalix", "rekryterande");
        foreach (var who in new[] { erik, anders, hr })
            await CompleteAllAsync(who, url);
        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostFormAsync($"{url}?handler=Fire", new() { ["trigger"] = "TillUppfoljning", ["Version"] = await VersionAsync(url) }, formPage: url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anders.PostFormAsync($"{url}?handler=Fire", new() { ["trigger"] = "Avsluta", ["Version"] = await VersionAsync(url) }, formPage: url)).StatusCode);

        var done = await erik.PageAsync(url);
        Assert.Contains("Genomförd", done.QuerySelector("dl.facts")!.TextContent);
        Assert.Contains("(100 %)", done.QuerySelector("#framsteg")!.TextContent);
    }

    [Fact]
    public async Task ForsenadePunkterPaminnsVeckovisHogstTreGanger()
    {
        var alvsbyn = new Testdata(_portal, "alvsbyn"); // Fredrik Åström, answered for by Helena Lundström
        var introId = await alvsbyn.IntroduktionAsync(await alvsbyn.IdForNamnAsync("Åström"), "Enhetschef", new DateOnly(2026, 11, 23));
        var runner = _portal.Services.GetRequiredService<SchedulerRunner>();
        await runner.RunDueAsync();
        Assert.Equal(1, await RemindersAsync(introId)); // on the first day only the item due before the start is late

        _clock.Advance(TimeSpan.FromDays(16)); // the policy sections were due after 14 days
        await runner.RunDueAsync();
        var first = await RemindersAsync(introId);
        Assert.True(first > 10, $"{first} påminnelser");
        _clock.Advance(TimeSpan.FromDays(1));
        await runner.RunDueAsync();
        Assert.Equal(first, await RemindersAsync(introId)); // not again the next day

        for (var week = 0; week < 6; week++)
        {
            _clock.Advance(TimeSpan.FromDays(7));
            await runner.RunDueAsync();
        }
        await using var check = _portal.ScopeFor("alvsbyn", out var read);
        var policyItems = await read.Set<IntroduktionPunkt>().Where(p => p.IntroduktionId == introId && p.Typ == PunktTyp.Policyavsnitt).ToListAsync();
        Assert.All(policyItems, p => Assert.Equal(3, p.PaminnelserSkickade));
        var mails = await read.Set<OutboxMessage>().Where(m => m.Subject.StartsWith("Påminnelse:")).ToListAsync();
        Assert.All(mails, m => Assert.Contains("/introduktion/", m.TextBody));
        Assert.Contains(mails, m => m.ToAddress == "chef@alvsbyn.example");
    }

    [Fact]
    public async Task BaraChefenNarmastHogreChefOchHrSerIntroduktionen()
    {
        var data = new Testdata(_portal);
        var id = await data.IntroduktionAsync(await data.PersonIdAsync("chef"), "Enhetschef", new DateOnly(2026, 12, 1));
        foreach (var (kommun, login, expected) in new[]
                 {
                     ("kalix", "chef", HttpStatusCode.OK), ("kalix", "rekryterande", HttpStatusCode.OK), ("kalix", "hr", HttpStatusCode.OK),
                     ("kalix", "medarbetare", HttpStatusCode.NotFound), ("kalix", "kommunchef", HttpStatusCode.NotFound),
                     ("alvsbyn", "hr", HttpStatusCode.NotFound),
                 })
        {
            var client = await PortalClient.For(_portal).SignInAsync(kommun, login);
            Assert.True(expected == (await client.GetAsync($"/introduktion/{id}")).StatusCode, $"{login}@{kommun}");
        }
    }

    private async Task CompleteAllAsync(PortalClient client, string url)
    {
        while (true)
        {
            var form = (await client.PageAsync(url)).QuerySelectorAll("form[action*='handler=Klar']").FirstOrDefault();
            if (form is null) return;
            var response = await client.PostFormAsync(form.GetAttribute("action")!, new() { ["Version"] = await VersionAsync(url) }, formPage: url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    private async Task<string> VersionAsync(string url)
    {
        var id = int.Parse(url.Split('/').Last());
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return (await db.Set<Introduktioner.Introduktion>().AsNoTracking().SingleAsync(i => i.Id == id)).Version.ToString();
    }

    private async Task<int> RemindersAsync(int introId)
    {
        await using var scope = _portal.ScopeFor("alvsbyn", out var db);
        return await db.Set<IntroduktionPunkt>().Where(p => p.IntroduktionId == introId).SumAsync(p => p.PaminnelserSkickade);
    }

    /// <summary>A Kalix recruitment in the offer phase whose chosen candidate has accepted; every other applicant told.</summary>
    private static async Task<Rekryteringar.Rekrytering> FilledOfferAsync(ChefsRekrytering.Data.AppDbContext db, string email)
    {
        var unit = await db.Enheter.SingleAsync(e => e.Namn == "Äldreboendet Furugården");
        var owner = await db.Users.SingleAsync(u => u.Email == "rekryterande@kalix.example");
        var r = new Rekryteringar.Rekrytering
        {
            KommunId = "kalix", Diarienummer = "REK 2026/9001", Titel = "Enhetschef Äldreboendet Furugården", EnhetId = unit.Id,
            AgareUserId = owner.Id, AgareNamn = owner.Namn, State = RekryteringsTillstand.Erbjudande, SkapadUtc = db.UtcNow,
        };
        r.Kandidater.Add(new Kandidat
        {
            KommunId = "kalix", Fornamn = "Nora", Efternamn = "Nyström", Epost = email, SamtyckeVersion = "test", AtkomstHash = "a1",
            State = KandidatTillstand.Anstalld, Startdatum = new DateOnly(2027, 2, 1), InkomUtc = db.UtcNow, UtfallMeddelatUtc = db.UtcNow,
        });
        r.Kandidater.Add(new Kandidat
        {
            KommunId = "kalix", Fornamn = "Olle", Efternamn = "Andersson", Epost = "olle@example.com", SamtyckeVersion = "test", AtkomstHash = "a2",
            State = KandidatTillstand.EjAktuell, InkomUtc = db.UtcNow, UtfallMeddelatUtc = db.UtcNow,
        });
        db.Add(r);
        await db.SaveChangesAsync();
        return r;
    }

    [GeneratedRegex(@"https://chefsportal\.example/konto/valj-losenord\?id=[^\s)]+&token=[^\s)]+")]
    private static partial Regex SetPasswordLink();

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
