using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Ledarakademin;

/// <summary>The track's commands called as its page calls them: the access rule first, then the date rule that used to
/// live in the page, and nothing stored on a refusal.</summary>
public class LedarakademinKommandonTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private static DateOnly Idag => DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow));

    [Fact]
    public async Task EnAktivitetDateradEfterIdagNekasAvTjanstenOchSparasInte()
    {
        var karinId = await data.PersonIdAsync("chef");
        var hr = await data.PrincipalAsync("hr");

        var result = await KommandoAsync(s => s.RegistreraAktivitetAsync(karinId, new(AktivitetTyp.Utbildning, Idag.AddDays(1), "Arbetsrätt"), hr));

        Assert.Equal(Outcome.Refused, result.Outcome);
        Assert.Equal(["Datumet kan inte vara senare än i dag: registrera aktiviteten när den är genomförd."], result.Reasons);
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<Utvecklingsaktivitet>().AnyAsync(a => a.PersonId == karinId && a.Datum > Idag));
        Assert.Equal(Outcome.Done, (await KommandoAsync(s => s.RegistreraAktivitetAsync(karinId, new(AktivitetTyp.Utbildning, Idag, "Arbetsrätt"), hr))).Outcome);
    }

    [Fact]
    public async Task DenSomInteSerSparetFarNotFoundPaVarjeKommando()
    {
        var perId = await data.PersonIdAsync("per.sandberg");
        foreach (var (kommun, login) in new[] { ("kalix", "medarbetare"), ("kalix", "chef"), ("alvsbyn", "hr") })
        {
            var user = await data.I(kommun).PrincipalAsync(login);
            await using var scope = portal.ScopeFor(kommun, out _);
            var service = scope.ServiceProvider.GetRequiredService<LedarakademinService>();
            Assert.Equal(Outcome.NotFound, (await service.RegistreraAktivitetAsync(perId, new(AktivitetTyp.Coachning, Idag, "Intrång"), user)).Outcome);
            Assert.Equal(Outcome.NotFound, (await service.TaBortAktivitetAsync(perId, 1, user)).Outcome);
            Assert.Equal(Outcome.NotFound, (await service.StartaKompetensvaxlingAsync(perId, Idag.AddDays(30), "Intrång", user)).Outcome);
            Assert.Equal(Outcome.NotFound, (await service.MarkeraOverlamnatAsync(perId, 1, true, user)).Outcome);
            Assert.Null(await service.SparAsync(perId, user));
        }
        await using var check = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<Utvecklingsaktivitet>().AnyAsync(a => a.PersonId == perId));
        Assert.False(await db.Set<Kompetensvaxling>().AnyAsync(k => k.PersonId == perId));
    }

    [Fact]
    public async Task EnKompetensvaxlingSomPagarStartasInteEnGangTillAvArbetsgivaren()
    {
        var rektorId = await data.PersonIdAsync("johan.lundberg");
        var hr = await data.PrincipalAsync("hr");
        Assert.Equal(Outcome.Done, (await KommandoAsync(s => s.StartaKompetensvaxlingAsync(rektorId, Idag.AddDays(60), "Pension", hr))).Outcome);

        var again = await KommandoAsync(s => s.StartaKompetensvaxlingAsync(rektorId, Idag.AddDays(90), "Pension", hr));

        Assert.Equal((Outcome.Refused, "En kompetensväxling pågår redan."), (again.Outcome, again.Reasons.Single()));
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal([Idag.AddDays(60)], await db.Set<Kompetensvaxling>().Where(k => k.PersonId == rektorId).Select(k => k.SistaDag).ToListAsync());
    }

    /// <summary>One command in a scope of its own, as one request.</summary>
    private async Task<CommandResult> KommandoAsync(Func<LedarakademinService, Task<CommandResult>> command)
    {
        await using var scope = portal.ScopeFor("kalix", out _);
        return await command(scope.ServiceProvider.GetRequiredService<LedarakademinService>());
    }
}
