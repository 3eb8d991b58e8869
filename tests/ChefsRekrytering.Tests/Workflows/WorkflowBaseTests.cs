using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Stateless;

namespace ChefsRekrytering.Tests.Workflows;

/// <summary>
/// The workflow seam on a real EF entity in a real SQLite database: the machine reads its state from the row,
/// writes it back, journals each transition and explains refusals in Swedish.
/// </summary>
public sealed class WorkflowBaseTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
    private readonly Actor _lena = new("user-1", "Lena Forsberg");

    public WorkflowBaseTests()
    {
        _connection.Open();
        using var db = NewDb();
        db.Database.EnsureCreated();
        db.Dokument.Add(new Dokument { Id = 1, KommunId = "kalix", Titel = "Kravprofil" });
        db.SaveChanges();
    }

    [Fact]
    public void TillstandetLasesFranRaden()
    {
        using (var db = NewDb())
        {
            db.Dokument.Single().State = Granskning.Granskas;
            db.SaveChanges();
        }
        using var fresh = NewDb();
        var flow = new GranskningsFlode(fresh.Dokument.Single(), fresh);
        Assert.Equal(Granskning.Granskas, flow.State);
        Assert.Contains(flow.Actions(), a => a.Trigger == GranskningsHandelse.Godkann && a.Permitted);
    }

    [Fact]
    public void VaktSomInteArUppfylldForklarasPaSvenskaOchAndrarIngenting()
    {
        using var db = NewDb();
        var flow = new GranskningsFlode(db.Dokument.Single(), db);

        var skicka = flow.Actions().Single(a => a.Trigger == GranskningsHandelse.Skicka);
        Assert.False(skicka.Permitted);
        Assert.Equal(["Dokumentet saknar bilaga"], skicka.Reasons);
        Assert.Equal("Skicka för granskning", skicka.Label);

        var result = flow.Fire(GranskningsHandelse.Skicka, _lena);
        Assert.False(result.Succeeded);
        Assert.Equal(["Dokumentet saknar bilaga"], result.Reasons);
        Assert.Equal(Granskning.Utkast, flow.State);
        Assert.Empty(db.ChangeTracker.Entries<WorkflowTransition>());
    }

    [Fact]
    public void OvergangSkrivsTillRadenOchJournalforsMedVemNarOchKommentar()
    {
        using (var db = NewDb())
        {
            var doc = db.Dokument.Single();
            doc.HarBilaga = true;
            var flow = new GranskningsFlode(doc, db);
            Assert.True(flow.Fire(GranskningsHandelse.Skicka, _lena, "  Klar för granskning ").Succeeded);
            db.SaveChanges();
        }

        using var fresh = NewDb();
        Assert.Equal(Granskning.Granskas, fresh.Dokument.Single().State);
        var t = fresh.Transitions.Single();
        Assert.Equal(("Granskning", 1, "kalix"), (t.Workflow, t.SubjectId, t.KommunId));
        Assert.Equal(("Utkast", "Granskas", "Skicka"), (t.FromState, t.ToState, t.Trigger));
        Assert.Equal(("user-1", "Lena Forsberg", "Klar för granskning"), (t.ActorUserId, t.ActorName, t.Comment));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc), t.AtUtc);
    }

    [Fact]
    public void HandelseSomInteFinnsITillstandetVisasInteOchNekasMedForklaring()
    {
        using var db = NewDb();
        var flow = new GranskningsFlode(db.Dokument.Single(), db);
        Assert.DoesNotContain(flow.Actions(), a => a.Trigger == GranskningsHandelse.Godkann);
        var result = flow.Fire(GranskningsHandelse.Godkann, _lena);
        Assert.False(result.Succeeded);
        Assert.Equal("”Godkänn” går inte att göra när ärendet är i läget ”Utkast”.", result.Reasons.Single());
    }

    [Fact]
    public void AvbrottKraverSkal()
    {
        using var db = NewDb();
        var flow = new GranskningsFlode(db.Dokument.Single(), db);
        Assert.True(flow.Actions().Single(a => a.Trigger == GranskningsHandelse.Avbryt).RequiresComment);
        Assert.False(flow.Fire(GranskningsHandelse.Avbryt, _lena, "   ").Succeeded);
        Assert.Equal(Granskning.Utkast, flow.State);
        Assert.True(flow.Fire(GranskningsHandelse.Avbryt, _lena, "Behovet försvann").Succeeded);
        Assert.Equal(Granskning.Avbruten, flow.State);
    }

    [Fact]
    public void MermaidGrafenGenererasUrKonfigurationen()
    {
        using var db = NewDb();
        var graph = new GranskningsFlode(db.Dokument.Single(), db).ToMermaid();
        Assert.StartsWith("stateDiagram-v2", graph);
        Assert.Contains("Utkast --> Granskas : Skicka [Dokumentet saknar bilaga]", graph);
        Assert.Contains("Granskas --> Godkand : Godkann", graph);
    }

    public void Dispose() => _connection.Dispose();

    private TestDb NewDb() => new(new DbContextOptionsBuilder<TestDb>().UseSqlite(_connection).Options, _clock);

    public enum Granskning { Utkast, Granskas, [Display(Name = "Godkänd")] Godkand, Avbruten }

    public enum GranskningsHandelse
    {
        [Display(Name = "Skicka för granskning")] Skicka,
        [Display(Name = "Godkänn")] Godkann,
        [Display(Name = "Avbryt")] Avbryt,
    }

    public sealed class Dokument : IWorkflowSubject<Granskning>
    {
        public int Id { get; set; }
        public required string KommunId { get; set; }
        public Granskning State { get; set; }
        public Guid Version { get; set; }
        public required string Titel { get; set; }
        public bool HarBilaga { get; set; }
    }

    private sealed class GranskningsFlode(Dokument dokument, IWorkflowJournal journal)
        : Workflow<Dokument, Granskning, GranskningsHandelse>(dokument, journal)
    {
        public override string Name => "Granskning";

        protected override void Configure(StateMachine<Granskning, GranskningsHandelse> m)
        {
            m.Configure(Granskning.Utkast)
                .PermitIf(GranskningsHandelse.Skicka, Granskning.Granskas, () => Subject.HarBilaga, "Dokumentet saknar bilaga")
                .Permit(GranskningsHandelse.Avbryt, Granskning.Avbruten);
            m.Configure(Granskning.Granskas)
                .Permit(GranskningsHandelse.Godkann, Granskning.Godkand)
                .Permit(GranskningsHandelse.Avbryt, Granskning.Avbruten);
        }

        protected override bool RequiresComment(GranskningsHandelse trigger) => trigger == GranskningsHandelse.Avbryt;
    }

    private sealed class TestDb(DbContextOptions<TestDb> options, TimeProvider clock) : DbContext(options), IWorkflowJournal
    {
        public DbSet<Dokument> Dokument => Set<Dokument>();
        public DbSet<WorkflowTransition> Transitions => Set<WorkflowTransition>();
        public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
        public void Record(WorkflowTransition transition) => Transitions.Add(transition);

        protected override void OnModelCreating(ModelBuilder b)
        {
            b.Entity<Dokument>().Property(d => d.State).HasConversion<string>();
            b.Entity<WorkflowTransition>().Property(t => t.AtUtc).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        }
    }
}
