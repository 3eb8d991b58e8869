using System.Diagnostics;
using System.Net;
using System.Text;
using ChefsRekrytering.Data;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Jobb;
using ChefsRekrytering.Tests.Notifications;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChefsRekrytering.Tests.Drift;

/// <summary>
/// The portal on PostgreSQL exporting through the real OTLP exporter (http/protobuf) to a receiver of our own, while
/// an applicant applies, opens the private link, someone signs in (and someone types the applicant's address with a
/// wrong password), a guard refuses a step, the dispatcher mails through SMTP to the sink and the scheduler runs.
/// </summary>
public class TelemetriTests
{
    [Fact]
    public async Task SparMatvardenOchLoggarKommerFramUtanNamnEpostadressEllerPrivatLank()
    {
        await using var mottagare = await OtlpMottagare.StartAsync();
        await using var sink = await SmtpSink.StartNewAsync();
        // The console logger takes Console.Out when the host is built: catch what it writes (JSON outside Development).
        var konsol = new StringWriter();
        var tidigare = Console.Out;
        Console.SetOut(TextWriter.Synchronized(new Tee(tidigare, konsol)));
        var portal = MailPortal.Create(sink, MailPortal.Clock(), DatabaseProvider.Postgres)
            .With("Telemetri:OtlpEndpoint", mottagare.Adress)
            .With("Telemetri:OtlpProtokoll", "http/protobuf");
        string token, namn = "Zebulon", efternamn = "Kvastfenixdöttir", epost = $"zebulon.kvastfenix.{Guid.NewGuid():N}@example.se";
        try
        {
            try { _ = portal.Server; }
            finally { Console.SetOut(tidigare); }
            var data = new Testdata(portal);
            var id = await data.NyRekrytering().AnnonseradAsync();

            // An applicant applies and opens the private link.
            var sokande = PortalClient.For(portal);
            var ansokan = await AnsokanTests.ApplyAsync(sokande, id, new Sokande(namn, efternamn, epost, "070-987 65 43"));
            Assert.Equal(HttpStatusCode.Redirect, ansokan.StatusCode);
            token = ansokan.Headers.Location!.OriginalString["/ansokan/".Length..];
            Assert.Equal(HttpStatusCode.OK, (await sokande.GetAsync($"/ansokan/{token}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await sokande.GetAsync($"/ansokan/{token}?sprak=en")).StatusCode);

            // Someone types the applicant's address at the sign-in with a wrong password; the owner signs in.
            var fel = await PortalClient.For(portal).PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = epost, ["Input.Losenord"] = "fel-losenord-123" });
            Assert.Equal(HttpStatusCode.OK, fel.StatusCode);
            var agare = await data.InloggadAsync("rekryterande");

            // A guard refuses: the application period has not ended.
            var version = await VersionAsync(portal, id);
            var nekad = await agare.PostFormAsync($"/rekrytering/{id}?handler=Fire", new() { ["trigger"] = "StangAnsokan", ["Version"] = version },
                formPage: $"/rekrytering/{id}");
            Assert.Contains("Ansökningstiden har inte gått ut", await nekad.Content.ReadAsStringAsync());

            // The confirmation mail (with the name, the address and the link) goes to the SMTP sink; the scheduler runs.
            Assert.True(await MailPortal.DispatchAsync(portal) >= 1);
            Assert.Contains(await sink.WaitForAsync(1), m => m.To.Mailboxes.Any(b => b.Address == epost) && m.TextBody.Contains(token));
            Assert.True(await portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync() >= 1);

            Assert.True(portal.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
            Assert.True(portal.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
            Assert.True(portal.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000));
        }
        finally
        {
            await portal.DisposeAsync();
        }

        var spar = mottagare.Allt("traces");
        var matvarden = mottagare.Allt("metrics");
        var loggar = mottagare.Allt("logs");
        var json = konsol.ToString();
        // Nothing that names the applicant or opens their page, in any signal or in the console (whose JSON writes ö as
        // itself, so the surname would be found there).
        foreach (var hemligt in new[] { namn, efternamn, epost, epost.Split('@')[0], Uri.EscapeDataString(epost), token })
        {
            Assert.False(Innehaller(spar, hemligt), $"Spåren innehåller {hemligt}");
            Assert.False(Innehaller(matvarden, hemligt), $"Mätvärdena innehåller {hemligt}");
            Assert.False(Innehaller(loggar, hemligt), $"Loggarna innehåller {hemligt}");
            Assert.DoesNotContain(hemligt, json);
        }

        // And what operations need arrived: the portal's spans, a request span (its route, and its path with the link
        // hidden), a database span from Npgsql, the metrics by name, and log records.
        foreach (var namnet in new[] { Telemetri.UtskickSpan, Telemetri.MejlSpan, Telemetri.JobbSpan, "ansokan/{token}", "/ansokan/[dold]", "postgresql" })
            Assert.True(Innehaller(spar, namnet), $"Spåren saknar {namnet}");
        foreach (var namnet in new[] { Telemetri.UtskickKo, Telemetri.UtskickAlder, Telemetri.JobbForfallna, Telemetri.Inloggningar,
                     Telemetri.NekadeSteg, "http.server.request.duration", "StangAnsokan", "FelUppgifter" })
            Assert.True(Innehaller(matvarden, namnet), $"Mätvärdena saknar {namnet}");
        Assert.True(Innehaller(loggar, "ChefsRekrytering."), "Inga loggposter från portalen kom fram");
        Assert.Contains("\"Category\":", json);
    }

    [Fact]
    public async Task StandardvariabelnOtelExporterOtlpEndpointRackerForAttSparKommerFram()
    {
        await using var mottagare = await OtlpMottagare.StartAsync();
        await using var portal = new PortalFactory()
            .With("OTEL_EXPORTER_OTLP_ENDPOINT", mottagare.Adress)
            .With("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient().GetAsync("/konto/logga-in")).StatusCode);

        Assert.True(portal.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(portal.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
        Assert.True(Innehaller(mottagare.Allt("traces"), "konto/logga-in"));
        // The sampler's queries work on SQLite too (the other test runs on PostgreSQL).
        Assert.True(Innehaller(mottagare.Allt("metrics"), Telemetri.UtskickAlder));
    }

    [Fact]
    public async Task MedAzureMonitorsAnslutningStartarPortalenOchSvararUtanOtlp()
    {
        await using var portal = new PortalFactory()
            // Nothing listens on port 9: what the exporter sends is lost, which is what this test wants.
            .With("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/");
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient().GetAsync("/konto/logga-in")).StatusCode);
        Assert.NotNull(portal.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task UtanInstallningarRegistrerasIngenTelemetri()
    {
        await using var portal = new PortalFactory();
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient().GetAsync("/konto/logga-in")).StatusCode);
        Assert.Null(portal.Services.GetService<TracerProvider>());
        Assert.Null(portal.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task KonsolloggenArJsonUtanforDevelopmentOmInteEttAnnatFormatAnges()
    {
        await using var standard = new PortalFactory();
        await using var enkel = new PortalFactory().With("Logging:Console:FormatterName", "simple");
        await using var utveckling = new PortalFactory().WithEnvironment("Development");

        Assert.Equal(["json", "simple", "simple"], new[] { standard, enkel, utveckling }
            // No name is the console logger's own default, simple.
            .Select(p => p.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName ?? "simple"));
    }

    [Fact]
    public void EttSpannsAdressFarSinaNycklarDoldaOchEttFelBehallerSinStatusMenInteSittMeddelande()
    {
        using var span = new Activity("prov");
        span.SetTag("url.path", "/ansokan/4f1c1ea9e0c3");
        span.SetTag("url.query", "?id=u-17&token=CfDJ8abc");
        span.SetTag("url.full", "https://portal.example/ansokan/4f1c1ea9e0c3?sprak=en");
        span.SetTag("client.address", "10.1.2.3");
        span.SetStatus(ActivityStatusCode.Error, "5.1.1 <asa.oberg@example.se>: Recipient address rejected");

        Integritetsfilter.Rensa(span);

        Assert.Equal(("/ansokan/[dold]", "?id=Redacted&token=Redacted", "https://portal.example/ansokan/[dold]?sprak=Redacted"),
            (span.GetTagItem("url.path"), span.GetTagItem("url.query"), span.GetTagItem("url.full")));
        Assert.Null(span.GetTagItem("client.address"));
        Assert.Equal((ActivityStatusCode.Error, null), (span.Status, span.StatusDescription));
    }

    [Fact]
    public void EnDatabasfragaUtanBegaranEllerJobbOmkringSigExporterasInteMenEnInutiEnBegaranGorDet()
    {
        using var kalla = new ActivitySource("TelemetriTests.prov");
        using var lyssnare = new ActivityListener
        {
            ShouldListenTo = s => s == kalla,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(lyssnare);
        var filter = new Integritetsfilter();

        var poll = kalla.StartActivity("postgresql", ActivityKind.Client, parentContext: default)!;
        poll.Stop();
        filter.OnEnd(poll);
        using var begaran = kalla.StartActivity("GET rekrytering/{id:int}", ActivityKind.Server)!;
        var fraga = kalla.StartActivity("postgresql", ActivityKind.Client)!;
        fraga.Stop();
        filter.OnEnd(fraga);

        Assert.Equal((false, true), (poll.Recorded, fraga.Recorded));
        Assert.Equal(begaran.SpanId, fraga.ParentSpanId);
    }

    private static bool Innehaller(byte[] allt, string text) => allt.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static async Task<string> VersionAsync(PortalFactory portal, int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<Rekryteringar.Rekrytering>().AsNoTracking().SingleAsync(r => r.Id == id)).Version.ToString();
    }

    /// <summary>Writes to the real console and keeps a copy.</summary>
    private sealed class Tee(TextWriter forst, TextWriter kopia) : TextWriter
    {
        public override Encoding Encoding => forst.Encoding;
        public override void Write(char value) { forst.Write(value); kopia.Write(value); }
        public override void Write(string? value) { forst.Write(value); kopia.Write(value); }
        public override void WriteLine(string? value) { forst.WriteLine(value); kopia.WriteLine(value); }
        public override void Flush() { forst.Flush(); kopia.Flush(); }
    }
}
