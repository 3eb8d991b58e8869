using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Ledarskap;

/// <summary>The yearly re-assessment: both parties are reminded by mail as the date nears and when it has passed. The
/// tests move the clock and run the due jobs; nothing sleeps.</summary>
public sealed class UppdragskontraktPaminnelseTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;
    private Testdata data => new(_portal);
    private SchedulerRunner Runner => _portal.Services.GetRequiredService<SchedulerRunner>();

    public async Task InitializeAsync()
    {
        _portal = new PortalFactory().WithClock(_clock);
        _ = _portal.Server;
        await Runner.RunDueAsync(); // the start-up runs of the daily jobs
    }

    [Fact]
    public async Task BadaParterPaminnsOmOmprovningenNarTidenNarmarSigOchNarDenHarGattUt()
    {
        var kontraktId = await ConfirmedContractAsync();

        _clock.Advance(TimeSpan.FromDays(300));
        await Runner.RunDueAsync();
        Assert.Empty(await MailAsync(kontraktId)); // a year ahead: not yet

        _clock.Advance(TimeSpan.FromDays(40)); // 25 days before the date
        await Runner.RunDueAsync();
        var mail = await MailAsync(kontraktId);
        Assert.Equal(["chef", "rekryterande"], mail.Select(m => m.ToAddress.Split('@')[0]).Order());
        Assert.All(mail, m => Assert.Equal("Dags att ompröva uppdragskontraktet", m.Subject));
        Assert.Contains("Ditt uppdragskontrakt (version 1) ska omprövas senast", mail.Single(m => m.ToAddress.StartsWith("chef")).TextBody);
        Assert.Contains("Uppdragskontraktet för Karin Öberg", mail.Single(m => m.ToAddress.StartsWith("rekryterande")).TextBody);
        Assert.All(mail, m => Assert.Contains("/uppdragskontrakt/", m.HtmlBody));

        _clock.Advance(TimeSpan.FromDays(1));
        await Runner.RunDueAsync();
        Assert.Equal(2, (await MailAsync(kontraktId)).Count); // once, not every day

        _clock.Advance(TimeSpan.FromDays(30)); // the date has passed
        await Runner.RunDueAsync();
        mail = await MailAsync(kontraktId);
        Assert.Equal(4, mail.Count);
        Assert.Equal(2, mail.Count(m => m.Subject == "Uppdragskontraktet skulle ha omprövats"));
    }

    [Fact]
    public async Task EnOmprovningDarKontraktetFortsatterGallaFlyttarNastaOmprovningEttAr()
    {
        var kontraktId = await ConfirmedContractAsync();
        _clock.Advance(TimeSpan.FromDays(350));
        var karinId = await data.PersonIdAsync("chef");
        var anders = await data.PrincipalAsync("rekryterande");
        var today = await KontraktAsync((service, version) => service.RegistreraOmprovningAsync(karinId, version,
            new(service.Today, "Målen nåddes; ansvaret är detsamma.", OmprovningsUtfall.FortsatterGalla), anders));
        await using (var scope = _portal.ScopeFor("kalix", out var db))
            Assert.Equal(today.AddYears(1), (await db.Set<Uppdragskontrakt>().SingleAsync(k => k.Id == kontraktId)).OmprovasSenast);
        await Runner.RunDueAsync();
        Assert.Empty(await MailAsync(kontraktId));
    }

    /// <summary>Karin Öberg's contract, drafted and confirmed by her and Anders Nilsson today, through the page's commands.</summary>
    private Task<int> ConfirmedContractAsync() => data.UppdragskontraktAsync("chef", "rekryterande", bekraftat: true);

    /// <summary>One command on Karin's contract, in a scope of its own as a request would be, with the version of her latest
    /// contract as the form shows it; it must succeed. The service's today is the answer.</summary>
    private async Task<DateOnly> KontraktAsync(Func<UppdragskontraktService, Guid, Task<CommandResult>> command)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        var service = scope.ServiceProvider.GetRequiredService<UppdragskontraktService>();
        var karinId = await data.PersonIdAsync("chef");
        var version = await db.Set<Uppdragskontrakt>().Where(k => k.ChefPersonId == karinId).OrderByDescending(k => k.Versionsnummer)
            .Select(k => k.Version).FirstOrDefaultAsync();
        var result = await command(service, version);
        Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
        return service.Today;
    }

    private async Task<List<OutboxMessage>> MailAsync(int kontraktId)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return await db.Set<OutboxMessage>().Where(m => m.Topic == $"Uppdragskontrakt:{kontraktId}").OrderBy(m => m.Id).ToListAsync();
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
