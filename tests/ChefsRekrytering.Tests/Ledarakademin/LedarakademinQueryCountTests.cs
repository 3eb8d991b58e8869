using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Ledarakademin;

public class LedarakademinQueryCountTests(QueryCountingPortal portal) : IClassFixture<QueryCountingPortal>
{
    [Fact]
    public async Task OversiktensAntalFragorVaxerInteMedAntaletChefer()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var before = await CountAsync(hr);

        await AddManagersAsync(30);
        var after = await CountAsync(hr);

        Assert.Equal(7 + 30, after.Rows);
        Assert.Equal(before.Queries, after.Queries);
        Assert.InRange(before.Queries, 1, 8);
    }

    private async Task<(int Queries, int Rows)> CountAsync(PortalClient client)
    {
        portal.Counter.Reset();
        var page = await client.PageAsync("/ledarakademin");
        return (portal.Counter.Count, LedarakademinPagesTests.Rows(page).Count);
    }

    /// <summary>Managers with everything a track reads: a unit, an introduction, activities, a knowledge transfer.</summary>
    private async Task AddManagersAsync(int count)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var soc = await db.Enheter.SingleAsync(e => e.Namn == "Socialförvaltningen");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < count; i++)
        {
            var person = new Person { KommunId = "kalix", Fornamn = "Chef", Efternamn = $"Nummer {i}", Epost = $"chef{i}@kalix.example", Titel = "Enhetschef" };
            db.Add(new Enhet { KommunId = "kalix", Namn = $"Enhet {i}", OverordnadId = soc.Id, Chef = person });
            db.Add(new ChefsRekrytering.Introduktioner.Introduktion
            {
                KommunId = "kalix", Chef = person, ChefNamn = person.Namn, Befattning = "Enhetschef", AnstallandeChefNamn = "Anders Nilsson",
                Startdatum = today, State = IntroduktionTillstand.Pagar,
                Punkter = [new IntroduktionPunkt { KommunId = "kalix", Rubrik = "Välkomstsamtal", Forfaller = today, KlarUtc = DateTime.UtcNow }],
            });
            await db.SaveChangesAsync();
            db.Add(new Utvecklingsaktivitet { KommunId = "kalix", PersonId = person.Id, Typ = AktivitetTyp.Medarbetarsamtal, Datum = today, RegistreradAv = "Test" });
            db.Add(new Kompetensvaxling
            {
                KommunId = "kalix", PersonId = person.Id, SistaDag = today.AddDays(30), Anledning = "Test", StartadAv = "Test",
                Punkter = [new KompetensvaxlingPunkt { KommunId = "kalix", Rubrik = "Pågående ärenden" }],
            });
        }
        await db.SaveChangesAsync();
    }
}
