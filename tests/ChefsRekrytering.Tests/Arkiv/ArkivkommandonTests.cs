using System.Security.Claims;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rapporter;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
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
    [Fact]
    public async Task GallringsstoppFranEnAldreVersionNekasOchAndrarIngenting()
    {
        var r = await new AvslutadRekrytering(portal).TillsattAsync();
        var sett = await VersionAsync(r.Id);
        var hr = Person("kalix", Roller.HR, "Lena Forsberg");

        Assert.True((await RunAsync<Gallring, CommandResult>("kalix", g => g.SattGallringsstoppAsync(r.Id, sett, "Anmälan till DO", hr))).Succeeded);
        var efter = await VersionAsync(r.Id);
        var stale = await RunAsync<Gallring, CommandResult>("kalix", g => g.HavGallringsstoppAsync(r.Id, sett, hr));
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.StartsWith("Någon annan ändrade rekryteringen samtidigt.", Assert.Single(stale.Reasons));
        Assert.Equal(efter, await VersionAsync(r.Id));
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.True((await db.Set<Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == r.Id)).GallringsStopp);

        // Only HR holds, and only in its own municipality; the reason is required and kept short.
        var owner = Person("kalix", Roller.RekryterandeChef, "Anders Nilsson");
        Assert.Equal(["Gallringsstopp hävs av HR."], (await RunAsync<Gallring, CommandResult>("kalix", g => g.HavGallringsstoppAsync(r.Id, efter, owner))).Reasons);
        Assert.Equal(Outcome.NotFound, (await RunAsync<Gallring, CommandResult>("kalix", g => g.HavGallringsstoppAsync(r.Id, efter, Person("alvsbyn", Roller.HR, "HR")))).Outcome);
        Assert.Contains("Ange skälet", (await RunAsync<Gallring, CommandResult>("kalix", g => g.SattGallringsstoppAsync(r.Id, efter, new string('x', Gallring.SkalMaxLangd + 1), hr))).Reasons[0]);
        Assert.Equal(efter, await VersionAsync(r.Id));
    }

    [Fact]
    public async Task BaraHrSokerHamtarOchRaderarOchDenSomInteFarLamnarIngaSpar()
    {
        var r = await new AvslutadRekrytering(portal).TillsattAsync();
        var epost = r.Epost[r.Ovriga[0]];
        var (audits, erasures) = await CountsAsync();

        foreach (var user in new[] { Person("kalix", Roller.Admin, "Admin"), Person("kalix", Roller.RekryterandeChef, "Anders Nilsson"), Person("kalix", Roller.Medarbetare, "Emma") })
        {
            Assert.Null(await RunAsync<RegisterutdragService, Sokresultat?>("kalix", s => s.SokAsync(epost, user)));
            Assert.Null(await RunAsync<RegisterutdragService, Utdragsfil?>("kalix", s => s.HamtaAsync(epost, user)));
            Assert.Empty(await RunAsync<RegisterutdragService, IReadOnlyList<Radering>>("kalix", s => s.SenasteRaderingarAsync(user)));
            Assert.Equal(Outcome.NotFound, (await RunAsync<RegisterutdragService, CommandResult<Radering>>("kalix", s => s.RaderaPaBegaranAsync(epost, "Begäran", user))).Result.Outcome);
            Assert.Null(await RunAsync<UtlamnandeService, Utdragsfil?>("kalix", s => s.AllmanHandlingAsync(r.Id, user)));
            Assert.Null(await RunAsync<GranskningsloggService, Loggsida?>("kalix", s => s.SokAsync(new(null, null, null, null, null, 1), user)));
        }
        // Another municipality's HR: not this recruitment's public record.
        Assert.Null(await RunAsync<UtlamnandeService, Utdragsfil?>("kalix", s => s.AllmanHandlingAsync(r.Id, Person("alvsbyn", Roller.HR, "HR"))));
        Assert.Equal((audits, erasures), await CountsAsync());
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.NotEqual("", (await db.Set<Kandidat>().SingleAsync(k => k.Id == r.Ovriga[0])).Epost);

        // HR's erasure without a reason is refused and erases nothing either.
        var hr = Person("kalix", Roller.HR, "Lena Forsberg");
        var utanSkal = await RunAsync<RegisterutdragService, CommandResult<Radering>>("kalix", s => s.RaderaPaBegaranAsync(epost, " ", hr));
        Assert.Equal((Outcome.Refused, (Radering?)null), (utanSkal.Result.Outcome, utanSkal.Value));
        Assert.Equal(erasures, (await CountsAsync()).Erasures);

        // HR's public record: the file, and the read logged.
        var fil = await RunAsync<UtlamnandeService, Utdragsfil?>("kalix", s => s.AllmanHandlingAsync(r.Id, hr));
        Assert.NotNull(fil);
        Assert.EndsWith(".html", fil.Filnamn);
        Assert.Equal(audits + 1, (await CountsAsync()).Audits);
    }

    [Fact]
    public async Task RapporternaFarBaraHrOchLedningen()
    {
        var val = new Rapportval(null, null, null);
        var (karin, maria) = (await portal.PersonIdAsync("kalix", "chef"), await portal.PersonIdAsync("kalix", "kommunchef"));
        Assert.Null(await RunAsync<RapportService, Rapport?>("kalix", s => s.RapportAsync(val, Person("kalix", Roller.Admin, "Admin"))));
        Assert.Null(await RunAsync<RapportService, Rapport?>("kalix", s => s.RapportAsync(val, Person("kalix", Roller.Chef, "Karin", personId: karin))));
        // Maria leads the kommunledning: the leadership reads the reports without being HR.
        Assert.NotNull(await RunAsync<RapportService, Rapport?>("kalix", s => s.RapportAsync(val, Person("kalix", Roller.Chef, "Maria", personId: maria))));
        var rapport = await RunAsync<RapportService, Rapport?>("kalix", s => s.RapportAsync(new(null, new(2026, 3, 1), new(2026, 1, 1)), Person("kalix", Roller.HR, "HR")));
        Assert.Equal(["Från-datumet ligger efter till-datumet. Rapporten visar i stället hela året."], rapport!.Anmarkningar);
        Assert.True(rapport.Period.ArHeltAr);
    }

    private async Task<TResult> RunAsync<TService, TResult>(string kommunId, Func<TService, Task<TResult>> call) where TService : notnull
    {
        await using var scope = portal.ScopeFor(kommunId, out _);
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
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

    private static ClaimsPrincipal Person(string kommunId, string roll, string namn, int? personId = null) => new(new ClaimsIdentity([
        new(PortalClaims.Kommun, kommunId), new(ClaimTypes.Role, roll), new(PortalClaims.Namn, namn), new(ClaimTypes.NameIdentifier, $"{namn}-{kommunId}"),
        .. personId is int id ? new[] { new Claim(PortalClaims.PersonId, id.ToString()) } : [],
    ], "test"));
}
