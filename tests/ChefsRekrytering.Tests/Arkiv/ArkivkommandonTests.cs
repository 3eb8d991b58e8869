using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rapporter;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Arkiv;

/// <summary>
/// Records, privacy and reports through their services: anyone outside <see cref="ArkivAccess"/>, <see cref="GranskningAccess"/>
/// or <see cref="RapportAccess"/> gets nothing and changes nothing, and a hold from a form built on an older version of
/// the recruitment is refused in Swedish and changes nothing.
/// </summary>
public class ArkivkommandonTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task GallringsstoppFranEnAldreVersionNekasOchAndrarIngenting()
    {
        var r = await data.NyAvslutadRekrytering().TillsattAsync();
        var sett = await VersionAsync(r.Id);
        var hr = data.Roll(Roller.HR, "Lena Forsberg");

        Assert.True((await data.KommandoAsync<Gallring, CommandResult>(g => g.SattGallringsstoppAsync(r.Id, sett, "Anmälan till DO", hr))).Succeeded);
        var efter = await VersionAsync(r.Id);
        var stale = await data.KommandoAsync<Gallring, CommandResult>(g => g.HavGallringsstoppAsync(r.Id, sett, hr));
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.StartsWith("Någon annan ändrade rekryteringen samtidigt.", Assert.Single(stale.Reasons));
        Assert.Equal(efter, await VersionAsync(r.Id));
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.True((await db.Set<Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == r.Id)).GallringsStopp);

        // Only HR holds, and only in its own municipality; the reason is required and kept short.
        var owner = data.Roll(Roller.RekryterandeChef, "Anders Nilsson");
        Assert.Equal(["Gallringsstopp hävs av HR."], (await data.KommandoAsync<Gallring, CommandResult>(g => g.HavGallringsstoppAsync(r.Id, efter, owner))).Reasons);
        Assert.Equal(Outcome.NotFound, (await data.KommandoAsync<Gallring, CommandResult>(g => g.HavGallringsstoppAsync(r.Id, efter, data.I("alvsbyn").Roll(Roller.HR, "HR")))).Outcome);
        Assert.Contains("Ange skälet", (await data.KommandoAsync<Gallring, CommandResult>(g => g.SattGallringsstoppAsync(r.Id, efter, new string('x', Gallring.SkalMaxLangd + 1), hr))).Reasons[0]);
        Assert.Equal(efter, await VersionAsync(r.Id));
    }

    [Fact]
    public async Task BaraHrSokerHamtarOchRaderarOchDenSomInteFarLamnarIngaSpar()
    {
        var r = await data.NyAvslutadRekrytering().TillsattAsync();
        var epost = r.Epost[r.Ovriga[0]];
        var (audits, erasures) = await CountsAsync();

        foreach (var user in new[] { data.Roll(Roller.Admin, "Admin"), data.Roll(Roller.RekryterandeChef, "Anders Nilsson"), data.Roll(Roller.Medarbetare, "Emma") })
        {
            Assert.Null(await data.KommandoAsync<RegisterutdragService, Sokresultat?>(s => s.SokAsync(epost, user)));
            Assert.Null(await data.KommandoAsync<RegisterutdragService, Utdragsfil?>(s => s.HamtaAsync(epost, user)));
            Assert.Empty(await data.KommandoAsync<RegisterutdragService, IReadOnlyList<Radering>>(s => s.SenasteRaderingarAsync(user)));
            Assert.Equal(Outcome.NotFound, (await data.KommandoAsync<RegisterutdragService, CommandResult<Radering>>(s => s.RaderaPaBegaranAsync(epost, "Begäran", user))).Result.Outcome);
            Assert.Null(await data.KommandoAsync<UtlamnandeService, Utdragsfil?>(s => s.AllmanHandlingAsync(r.Id, user)));
            Assert.Null(await data.KommandoAsync<GranskningsloggService, Loggsida?>(s => s.SokAsync(new(null, null, null, null, null, 1), user)));
        }
        // Another municipality's HR: not this recruitment's public record.
        Assert.Null(await data.KommandoAsync<UtlamnandeService, Utdragsfil?>(s => s.AllmanHandlingAsync(r.Id, data.I("alvsbyn").Roll(Roller.HR, "HR"))));
        Assert.Equal((audits, erasures), await CountsAsync());
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.NotEqual("", (await db.Set<Kandidat>().SingleAsync(k => k.Id == r.Ovriga[0])).Epost);

        // HR's erasure without a reason is refused and erases nothing either.
        var hr = data.Roll(Roller.HR, "Lena Forsberg");
        var utanSkal = await data.KommandoAsync<RegisterutdragService, CommandResult<Radering>>(s => s.RaderaPaBegaranAsync(epost, " ", hr));
        Assert.Equal((Outcome.Refused, (Radering?)null), (utanSkal.Result.Outcome, utanSkal.Value));
        Assert.Equal(erasures, (await CountsAsync()).Erasures);

        // HR's public record: the file, and the read logged.
        var fil = await data.KommandoAsync<UtlamnandeService, Utdragsfil?>(s => s.AllmanHandlingAsync(r.Id, hr));
        Assert.NotNull(fil);
        Assert.EndsWith(".html", fil.Filnamn);
        Assert.Equal(audits + 1, (await CountsAsync()).Audits);
    }

    [Fact]
    public async Task RapporternaFarBaraHrOchLedningen()
    {
        var val = new Rapportval(null, null, null);
        var (karin, maria) = (await data.PersonIdAsync("chef"), await data.PersonIdAsync("kommunchef"));
        Assert.Null(await data.KommandoAsync<RapportService, Rapport?>(s => s.RapportAsync(val, data.Roll(Roller.Admin, "Admin"))));
        Assert.Null(await data.KommandoAsync<RapportService, Rapport?>(s => s.RapportAsync(val, data.Roll(Roller.Chef, "Karin", personId: karin))));
        // Maria leads the kommunledning: the leadership reads the reports without being HR.
        Assert.NotNull(await data.KommandoAsync<RapportService, Rapport?>(s => s.RapportAsync(val, data.Roll(Roller.Chef, "Maria", personId: maria))));
        var rapport = await data.KommandoAsync<RapportService, Rapport?>(s => s.RapportAsync(new(null, new(2026, 3, 1), new(2026, 1, 1)), data.Roll(Roller.HR, "HR")));
        Assert.Equal(["Från-datumet ligger efter till-datumet. Rapporten visar i stället hela året."], rapport!.Anmarkningar);
        Assert.True(rapport.Period.ArHeltAr);
    }

    private async Task<Guid> VersionAsync(int rekryteringId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Rekryteringar.Rekrytering>().Where(x => x.Id == rekryteringId).Select(x => x.Version).SingleAsync();
    }

    private async Task<(int Audits, int Erasures)> CountsAsync()
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<AuditEvent>().CountAsync(), await db.Set<Radering>().CountAsync());
    }
}
