using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>The campaign opens and closes on its dates by the scheduler; the tests move the clock, nothing sleeps.</summary>
public sealed class KampanjSchemaTests : IAsyncLifetime
{
    // Monday 23 November 2026, 09:00 in Sweden.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;
    private Testdata data => new(_portal);
    private SchedulerRunner Runner => _portal.Services.GetRequiredService<SchedulerRunner>();

    public Task InitializeAsync()
    {
        _portal = new PortalFactory()
            .With("Scheduler:Enabled", "false")
            .With("Mail:DispatcherEnabled", "false")
            .With("AretsChef:InbjudanBatch", "4")
            .WithServices(s => s.AddSingleton<TimeProvider>(_clock));
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NomineringenOppnasOchStangsAvSchemalaggarenPaSinaDatum()
    {
        var hr = await PortalClient.For(_portal).SignInAsync("kalix", "hr");
        (await hr.PostFormAsync("/arets-chef/kampanjer?handler=Ny", new()
        {
            ["Ny.Ar"] = "2026", ["Ny.Oppnar"] = "2026-11-26", ["Ny.SistaDag"] = "2026-12-06",
        }, formPage: "/arets-chef/kampanjer")).AssertRedirect("/arets-chef/kampanjer");
        await Runner.RunDueAsync();
        Assert.Equal(KampanjTillstand.Planerad, await StateAsync(2026));

        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(14)); // Wednesday 23:00 in Sweden: not yet
        await Runner.RunDueAsync();
        Assert.Equal(KampanjTillstand.Planerad, await StateAsync(2026));
        _clock.Advance(TimeSpan.FromHours(1)); // midnight, Thursday 26 November
        await Runner.RunDueAsync();
        Assert.Equal(KampanjTillstand.NomineringOppen, await StateAsync(2026));

        _clock.Advance(TimeSpan.FromDays(11) - TimeSpan.FromMinutes(1)); // the last day, 6 December, 23:59
        await Runner.RunDueAsync();
        Assert.Equal(KampanjTillstand.NomineringOppen, await StateAsync(2026));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Runner.RunDueAsync();
        Assert.Equal(KampanjTillstand.NomineringStangd, await StateAsync(2026));

        await using var scope = _portal.ScopeFor("kalix", out var db);
        var steps = await db.WorkflowTransitions.Where(t => t.Workflow == "AretsChef").OrderBy(t => t.Id).ToListAsync();
        Assert.Equal([("NomineringOppen", "Systemet"), ("NomineringStangd", "Systemet")], steps.Select(t => (t.ToState, t.ActorName)));
    }

    [Fact]
    public async Task EttFlyttatDatumAvbokarDetGamlaJobbetOchPlanerarEttNytt()
    {
        var hr = await PortalClient.For(_portal).SignInAsync("alvsbyn", "hr");
        (await hr.PostFormAsync("/arets-chef/kampanjer?handler=Ny", new()
        {
            ["Ny.Ar"] = "2027", ["Ny.Oppnar"] = "2026-11-25", ["Ny.SistaDag"] = "2026-12-10", ["Ny.JurynSerNominatorer"] = "true",
        }, formPage: "/arets-chef/kampanjer")).AssertRedirect();
        (await hr.SubmitAsync("/arets-chef/kampanjer", "Andra", ("ar", "2027"), ("Andra.Oppnar", "2026-11-30"), ("Andra.SistaDag", "2026-12-14"), ("Andra.JurynSerNominatorer", "true")))
            .AssertRedirect();

        _clock.Advance(TimeSpan.FromDays(3)); // the old opening day has passed
        await Runner.RunDueAsync();
        Assert.Equal(KampanjTillstand.Planerad, await StateAsync(2027, "alvsbyn"));
        _clock.Advance(TimeSpan.FromDays(4)); // 30 November
        await Runner.RunDueAsync();
        Assert.Equal(KampanjTillstand.NomineringOppen, await StateAsync(2027, "alvsbyn"));

        await using var scope = _portal.ScopeFor("alvsbyn", out var db);
        var jobs = await db.Set<ScheduledJob>().Where(j => j.JobType.StartsWith("arets-chef") && j.SubjectId == 2027).OrderBy(j => j.Id).ToListAsync();
        Assert.Equal([
            (AretsChefService.OppnaJobb, QueueStatus.Cancelled), (AretsChefService.StangJobb, QueueStatus.Cancelled),
            (AretsChefService.OppnaJobb, QueueStatus.Done), (AretsChefService.StangJobb, QueueStatus.Pending),
        ], jobs.Select(j => (j.JobType, j.Status)));
        var k = await db.Set<Kampanj>().SingleAsync(x => x.Ar == 2027);
        Assert.Equal((new DateOnly(2026, 12, 14), true), (k.SistaDag, k.JurynSerNominatorer));
    }

    [Fact]
    public async Task InbjudanGarTillVarjeAnstalldMedEpostEnGangIOmgangar()
    {
        await data.KampanjAsync(2028, KampanjTillstand.Planerad);
        await Runner.RunDueAsync();
        var employees = await EmployeesAsync("kalix");
        Assert.Equal(17, employees.Count);
        Assert.Equal(employees, await InvitedAsync("kalix", 2028));

        // The opening job again (a retry, a second instance): nobody is invited twice.
        await ScheduleOpeningAsync("kalix", 2028);
        await Runner.RunDueAsync();
        Assert.Equal(employees, await InvitedAsync("kalix", 2028));
    }

    [Fact]
    public async Task InbjudanSomAvbrotsEfterTvaOmgangarFortsatterDarDenSlutade()
    {
        // As a crash after two committed batches of four leaves it: eight mails and the eighth person noted on the campaign.
        var employees = await EmployeesAsync("alvsbyn");
        await data.I("alvsbyn").KampanjAsync(2029, KampanjTillstand.Planerad);
        await using (var scope = _portal.ScopeFor("alvsbyn", out var db))
        {
            var k = await db.Set<Kampanj>().SingleAsync(x => x.Ar == 2029);
            (k.State, k.InbjudenTillOchMedPersonId) = (KampanjTillstand.NomineringOppen, employees[7].Id);
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            foreach (var p in employees.Take(8))
                await outbox.EnqueueAsync<Testmejl, Testmejl.Innehall>(new MailRecipient(p.Epost, "x"),
                    "Nominera Årets chef 2029", new("x", null, db.UtcNow), topic: "AretsChef:2029:Inbjudan", kommunId: "alvsbyn");
            await db.SaveChangesAsync();
        }
        await Runner.RunDueAsync();
        Assert.Equal(employees, await InvitedAsync("alvsbyn", 2029));
        Assert.NotNull((await _portal.KampanjenAsync("alvsbyn", 2029)).InbjudningarSkickadeUtc);
    }

    private async Task<KampanjTillstand> StateAsync(int ar, string kommun = "kalix") => (await _portal.KampanjenAsync(kommun, ar)).State;

    private async Task<List<(int Id, string Epost)>> EmployeesAsync(string kommun)
    {
        await using var scope = _portal.ScopeFor(kommun, out var db);
        return (await db.Personer.OrderBy(p => p.Id).Select(p => new { p.Id, p.Epost }).ToListAsync()).Select(p => (p.Id, p.Epost)).ToList();
    }

    /// <summary>Every employee invited, in order of person id, each as many times as they got the mail.</summary>
    private async Task<List<(int Id, string Epost)>> InvitedAsync(string kommun, int ar)
    {
        var ids = (await EmployeesAsync(kommun)).ToDictionary(e => e.Epost, e => e.Id);
        await using var scope = _portal.ScopeFor(kommun, out var db);
        var to = await db.Set<OutboxMessage>().Where(m => m.Topic == $"AretsChef:{ar}:Inbjudan").Select(m => m.ToAddress).ToListAsync();
        return to.Select(a => (ids[a], a)).OrderBy(e => e.Item1).ToList();
    }

    private async Task ScheduleOpeningAsync(string kommun, int ar)
    {
        await using var scope = _portal.ScopeFor(kommun, out var db);
        scope.ServiceProvider.GetRequiredService<Scheduler>().Schedule(AretsChefService.OppnaJobb, db.UtcNow, ar, kommunId: kommun);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
