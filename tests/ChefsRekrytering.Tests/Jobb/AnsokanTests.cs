using System.Net;
using System.Security.Cryptography;
using System.Text;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Notifications;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ChefsRekrytering.Tests.Jobb;

/// <summary>The portal mailing through SMTP to a real sink; the test decides when the outbox is sent.</summary>
public sealed class AnsokanPortal : IAsyncLifetime
{
    public SmtpSink Sink { get; } = new();
    public FakeTimeProvider Clock { get; } = MailPortal.Clock();
    public PortalFactory Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Sink.StartAsync();
        Portal = MailPortal.Create(Sink, Clock);
        _ = Portal.Server;
    }

    /// <summary>Sends the outbox and waits for <paramref name="expected"/> mails to the address.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MailTillAsync(string epost, int expected)
    {
        await MailPortal.DispatchAsync(Portal);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var mails = Sink.Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == epost)).ToList();
            if (mails.Count >= expected || DateTime.UtcNow > deadline) return mails;
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>An applicant's way over HTTP: the advert, the application with real files, the private page, withdrawal.</summary>
public class AnsokanTests(AnsokanPortal fixture) : IClassFixture<AnsokanPortal>
{
    private PortalFactory Portal => fixture.Portal;
    private Testdata data => new(Portal);

    [Fact]
    public async Task EnGiltigAnsokanGerEnKandidatMedTvaDokumentOchEttMejlMedDenPrivataLanken()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var client = PortalClient.For(Portal);
        var sokande = Sokande.Ny();

        var response = await ApplyAsync(client, id, sokande, brev: TestFiles.Docx());

        var token = TokenFrom(response);
        await using (var scope = Portal.ScopeFor("kalix", out var db))
        {
            var k = await db.Set<Kandidat>().SingleAsync(x => x.RekryteringId == id);
            Assert.Equal((sokande.Fornamn, sokande.Efternamn, sokande.Epost, KandidatTillstand.Inkommen), (k.Fornamn, k.Efternamn, k.Epost, k.State));
            Assert.Equal(Personuppgiftsinformation.Version, k.SamtyckeVersion);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token))), k.AtkomstHash);
            Assert.Null(k.MojligDubblettAvId);
            var docs = await db.Dokument.Where(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == k.Id).OrderBy(d => d.Kind).ToListAsync();
            Assert.Equal([(DokumentTyp.CV, "cv.pdf", "application/pdf"), (DokumentTyp.PersonligtBrev, "brev.docx", DocumentFileType.Docx.ContentType)],
                docs.Select(d => (d.Kind, d.OriginalFileName, d.ContentType)));
        }

        var mail = Assert.Single(await fixture.MailTillAsync(sokande.Epost, 1));
        Assert.Equal("Vi har tagit emot din ansökan – Enhetschef hemtjänst", mail.Subject);
        // No Portal:PublicUrl: the server's address, here the in-process server's (MailLankTests: a real one, and a forged Host).
        Assert.Contains($"http://localhost/ansokan/{token}", mail.TextBody);
        Assert.Contains("cv.pdf", mail.TextBody);

        var own = await client.GetAsync($"/ansokan/{token}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(own.Headers.CacheControl!.NoStore);
        Assert.Equal("no-referrer", own.Headers.GetValues("Referrer-Policy").Single());
        var page = PortalClient.Parse(await own.Content.ReadAsStringAsync());
        Assert.Contains("Tack! Din ansökan är skickad.", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Din ansökan är mottagen och granskas", page.QuerySelector(".stage")!.TextContent.Trim());
        Assert.Contains("Enhetschef hemtjänst", page.QuerySelector("main")!.TextContent);
        Assert.Equal(["CV: cv.pdf", "Personligt brev: brev.docx"], page.QuerySelectorAll("main ul li").Select(li => li.TextContent.Trim()));
        Assert.Empty(page.QuerySelectorAll("main a[href^='/dokument']"));
    }

    [Fact]
    public async Task EttProgramSomHeterCvPdfAvvisasOchIngentingSparas()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var sokande = Sokande.Ny();
        var before = await CountAsync();

        var response = await ApplyAsync(PortalClient.For(Portal), id, sokande, cv: TestFiles.Exe(), brev: TestFiles.Docx());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"CV: {DocumentService.WrongType}", page.QuerySelector("[role=alert] li")!.TextContent);
        Assert.Equal($"CV: {DocumentService.WrongType}", page.QuerySelector("#Input_Cv ~ .field-error")!.TextContent);
        Assert.Equal(sokande.Fornamn, page.QuerySelector("#Input_Fornamn")!.GetAttribute("value"));
        Assert.Equal(sokande.Epost, page.QuerySelector("#Input_Epost")!.GetAttribute("value"));
        Assert.Contains("behöver du välja filerna igen", page.QuerySelector("main")!.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task EnAnsokanStorreAnFormularetsGransGerEnBegripligSidaOchSparasInte()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var before = await CountAsync();
        var huge = new byte[26 * 1024 * 1024];
        TestFiles.Pdf().CopyTo(huge, 0);

        var response = await ApplyAsync(PortalClient.For(Portal), id, Sokande.Ny(), cv: huge);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var main = PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains("filerna var för stora", main);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task FormularetAngerRattsligGrundOchLankarKommunensInformationIStalletForAttBeOmSamtycke()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var client = PortalClient.For(Portal);

        var page = PortalClient.Parse(await (await client.GetAsync($"/jobb/{id}")).Content.ReadAsStringAsync());

        var form = page.QuerySelector("form[method=post]")!;
        Assert.Empty(form.QuerySelectorAll("input[type=checkbox]"));
        Assert.Contains("artikel 6.1 e och c", form.TextContent);
        Assert.Contains("Du behöver därför inte lämna något samtycke", form.TextContent);
        Assert.Contains(form.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/personuppgifter/kalix");
        // The form is sent without any tick, and the application records which information it showed.
        var token = TokenFrom(await ApplyAsync(client, id, Sokande.Ny()));
        await using var scope = Portal.ScopeFor("kalix", out var db);
        Assert.Equal(Personuppgiftsinformation.Version, (await db.Set<Kandidat>().SingleAsync(k => k.RekryteringId == id)).SamtyckeVersion);
        Assert.NotEmpty(token);
    }

    [Fact]
    public async Task TommaOchFelaktigaFaltVisasIFormularetsOrdningUtanAttNagotSparas()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var before = await CountAsync();

        var response = await ApplyAsync(PortalClient.For(Portal), id, Sokande.Ny() with { Fornamn = " ", Epost = "inte-en-adress", Telefon = "ring mig" }, utanCv: true);

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["Fyll i förnamn.", "E-postadressen är inte giltig. Skriv den som namn@exempel.se.",
             "Telefonnumret är inte giltigt. Skriv det med siffror, till exempel 070-123 45 67.", "Välj en fil med ditt CV."],
            page.QuerySelectorAll("[role=alert] li").Select(li => li.TextContent));
        Assert.Equal("Fyll i förnamn.", page.QuerySelector("#Input_Fornamn ~ .field-error")!.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AnsokanEfterSistaAnsokningsdagenAvvisas()
    {
        var open = await data.NyRekrytering().AnnonseradAsync();
        var closed = await data.NyRekrytering().SistaAnsokningsdagOm(0).AnnonseradAsync();
        // Midnight has passed but the scheduler has not yet closed the application period: the date alone decides.
        await using (var scope = Portal.ScopeFor("kalix", out var db))
        {
            var r = await db.Set<Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == closed);
            r.SistaAnsokningsdag = r.SistaAnsokningsdag!.Value.AddDays(-1);
            await db.SaveChangesAsync();
        }
        await AssertRefusedAsync(closed, formPage: $"/jobb/{open}");
    }

    [Fact]
    public async Task AnsokanTillEnRekryteringSomInteArPubliceradAvvisas()
    {
        var open = await data.NyRekrytering().AnnonseradAsync();
        var unpublished = await data.NyRekrytering().KravprofilAsync();
        await AssertRefusedAsync(unpublished, formPage: $"/jobb/{open}");
        await AssertRefusedAsync(999_999, formPage: $"/jobb/{open}");
    }

    [Fact]
    public async Task SammaEpostIgenSparasOchFlaggasSomMojligDubblett()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var other = await data.NyRekrytering().AnnonseradAsync();
        var first = Sokande.Ny();

        await ApplyAsync(PortalClient.For(Portal), id, first);
        await ApplyAsync(PortalClient.For(Portal), id, first with { Fornamn = "Anna", Efternamn = "Annan", Epost = first.Epost.ToUpperInvariant(), Telefon = "0920-123456" });
        await ApplyAsync(PortalClient.For(Portal), other, first);

        await using var scope = Portal.ScopeFor("kalix", out var db);
        var stored = await db.Set<Kandidat>().Where(k => k.RekryteringId == id).OrderBy(k => k.Id).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Equal([null, stored[0].Id], stored.Select(k => k.MojligDubblettAvId));
        Assert.Null((await db.Set<Kandidat>().SingleAsync(k => k.RekryteringId == other)).MojligDubblettAvId);
    }

    [Fact]
    public async Task SammaAnsokanSkickadFleraGangerISammaStundFlaggasAndaAllaUtomDenForsta()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var sokande = Sokande.Ny();

        // Each from its own browser, all at once: no application sees the others before they are committed.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ApplyAsync(PortalClient.For(Portal), id, sokande)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var scope = Portal.ScopeFor("kalix", out var db);
        var stored = await db.Set<Kandidat>().Where(k => k.RekryteringId == id).OrderBy(k => k.Id).ToListAsync();
        Assert.Equal(8, stored.Count);
        Assert.Equal(Enumerable.Repeat<int?>(stored[0].Id, 7).Prepend(null), stored.Select(k => k.MojligDubblettAvId));
    }

    [Fact]
    public async Task DenSomTittarSistEfterBadaInskickenFlaggarDenSenare()
    {
        // The race, made certain: a later application committed unflagged, because it looked before the first was in.
        var id = await data.NyRekrytering().AnnonseradAsync();
        var sokande = Sokande.Ny();
        await ApplyAsync(PortalClient.For(Portal), id, sokande);
        await using var scope = Portal.ScopeFor("kalix", out var db);
        var first = await db.Set<Kandidat>().SingleAsync(k => k.RekryteringId == id);
        var later = new Kandidat
        {
            KommunId = "kalix", RekryteringId = id, Fornamn = "Annan", Efternamn = "Stavning", Epost = sokande.Epost.ToUpperInvariant(),
            Telefon = "", InkomUtc = db.UtcNow, SamtyckeVersion = Personuppgiftsinformation.Version, AtkomstHash = $"{Guid.NewGuid():N}",
        };
        db.Add(later);
        await db.SaveChangesAsync();

        var own = await scope.ServiceProvider.GetRequiredService<AnsokanService>().FlagDuplicatesAfterCommitAsync(first);

        Assert.Null(own);
        db.ChangeTracker.Clear();
        Assert.Equal([null, first.Id], await db.Set<Kandidat>().Where(k => k.RekryteringId == id).OrderBy(k => k.Id).Select(k => k.MojligDubblettAvId).ToListAsync());
    }

    [Fact]
    public async Task SammaNamnOchTelefonnummerFlaggasOavsettSkrivsatt()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var first = Sokande.Ny() with { Telefon = "070-123 45 67" };

        await ApplyAsync(PortalClient.For(Portal), id, first);
        await ApplyAsync(PortalClient.For(Portal), id, first with { Fornamn = "ÅSA", Epost = $"annan-{Guid.NewGuid():N}@example.se", Telefon = "+46 70 123 45 67" });
        await ApplyAsync(PortalClient.For(Portal), id, first with { Epost = $"tredje-{Guid.NewGuid():N}@example.se", Telefon = "070-765 43 21" });

        await using var scope = Portal.ScopeFor("kalix", out var db);
        var stored = await db.Set<Kandidat>().Where(k => k.RekryteringId == id).OrderBy(k => k.Id).ToListAsync();
        Assert.Equal([null, stored[0].Id, null], stored.Select(k => k.MojligDubblettAvId));
    }

    [Fact]
    public async Task AtertagandetSamtidigtSomHrAndrarGerSvensktBeskedOchBehallerHrsAndring()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var token = TokenFrom(await ApplyAsync(PortalClient.For(Portal), id, Sokande.Ny()));

        await using var applicant = Portal.Services.CreateAsyncScope();
        var service = applicant.ServiceProvider.GetRequiredService<AnsokanService>();
        var k = (await service.FindByTokenAsync(token))!;
        await using (var hr = Portal.ScopeFor("kalix", out var db))
        {
            var same = await db.Set<Kandidat>().SingleAsync(x => x.Id == k.Id);
            same.State = KandidatTillstand.Granskad; // HR's step, saved first
            await db.SaveChangesAsync();
        }

        var result = await service.AtertaAsync(token, k.Version); // the application as the applicant's page showed it

        Assert.Equal([AnsokanService.AndradSamtidigt], result.Reasons);
        Assert.Equal(KandidatTillstand.Granskad, await StateAsync(id));
    }

    [Fact]
    public async Task SokandeAtertarSinAnsokanOchFarBeskedPerMejl()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var client = PortalClient.For(Portal);
        var sokande = Sokande.Ny();
        var token = TokenFrom(await ApplyAsync(client, id, sokande));
        var url = $"/ansokan/{token}";

        var unconfirmed = await client.PostFormAsync($"{url}?handler=Aterta", new() { ["Bekraftar"] = "false" }, formPage: url);
        Assert.Contains("Kryssa i rutan för att bekräfta att du vill återta din ansökan.", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(KandidatTillstand.Inkommen, await StateAsync(id));

        var confirmed = await client.PostFormAsync($"{url}?handler=Aterta", new() { ["Bekraftar"] = "true" }, formPage: url);
        Assert.Equal((HttpStatusCode.Redirect, url), (confirmed.StatusCode, confirmed.Headers.Location!.OriginalString));
        Assert.Equal(KandidatTillstand.Atertagen, await StateAsync(id));
        await using (var scope = Portal.ScopeFor("kalix", out var db))
        {
            var k = await db.Set<Kandidat>().SingleAsync(x => x.RekryteringId == id);
            var transition = await db.WorkflowTransitions.SingleAsync(t => t.Workflow == "Kandidat" && t.SubjectId == k.Id);
            Assert.Equal(("Inkommen", "Atertagen", "Sökande", null), (transition.FromState, transition.ToState, transition.ActorName, transition.ActorUserId));
            Assert.NotNull(k.UtfallMeddelatUtc);
        }

        var mails = await fixture.MailTillAsync(sokande.Epost, 2);
        Assert.Equal(["Vi har tagit emot din ansökan – Enhetschef hemtjänst", "Din ansökan är återtagen"], mails.Select(m => m.Subject));
        Assert.Contains("Du deltar inte längre i rekryteringen.", mails[1].TextBody);

        var page = await client.PageAsync(url);
        Assert.Equal("Du har återtagit din ansökan", page.QuerySelector(".stage")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("form[action*='Aterta']"));
        var again = await client.PostFormAsync($"{url}?handler=Aterta", new() { ["Bekraftar"] = "true" }, formPage: "/jobb");
        Assert.Contains(AnsokanService.RedanAvslutad, await again.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("4f1c1ea9e0c3f1b2a7d8e9f00112233445566778899aabbccddeeff001122334")]
    [InlineData("kort")]
    [InlineData("%3Cscript%3E")]
    public async Task EnOkandLankGer404(string token)
    {
        var response = await PortalClient.For(Portal).GetAsync($"/ansokan/{token}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnnonserFranAllaKommunerVisasPaJobbMenEnSokandesUppgifterStannarIKommunen()
    {
        var kalix = await data.NyRekrytering().Titel("Rektor Centrumskolan").Enhet("Centrumskolan").AnnonseradAsync();
        var alvsbyn = await data.I("alvsbyn").NyRekrytering().Titel("Enhetschef Hemtjänsten Vidsel").AnnonseradAsync();
        var client = PortalClient.For(Portal);

        var all = await client.PageAsync("/jobb");
        var cards = all.QuerySelectorAll(".card").Select(c => c.TextContent).ToList();
        Assert.Contains(cards, c => c.Contains("Rektor Centrumskolan") && c.Contains("Kalix kommun"));
        Assert.Contains(cards, c => c.Contains("Enhetschef Hemtjänsten Vidsel") && c.Contains("Älvsbyns kommun"));
        var onlyAlvsbyn = await client.PageAsync("/jobb?kommun=alvsbyn");
        Assert.All(onlyAlvsbyn.QuerySelectorAll(".card"), c => Assert.Contains("Älvsbyns kommun", c.TextContent));
        Assert.Contains("Enhetschef Hemtjänsten Vidsel", onlyAlvsbyn.QuerySelector("main")!.TextContent);

        var sokande = Sokande.Ny();
        await ApplyAsync(client, kalix, sokande, brev: TestFiles.Docx());
        await using (var scope = Portal.ScopeFor("kalix", out var db))
        {
            var k = await db.Set<Kandidat>().SingleAsync(x => x.Epost == sokande.Epost);
            Assert.Equal(2, await db.Dokument.CountAsync(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == k.Id));
        }
        await using (var scope = Portal.ScopeFor("alvsbyn", out var db))
        {
            Assert.False(await db.Set<Kandidat>().AnyAsync(x => x.Epost == sokande.Epost));
            Assert.False(await db.Set<Rekryteringar.Rekrytering>().AnyAsync(r => r.Id == kalix));
            Assert.False(await db.Dokument.AnyAsync(d => d.OwnerType == KandidatDocumentAccess.Owner));
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.ToAddress == sokande.Epost));
            Assert.False(await db.WorkflowTransitions.AnyAsync(t => t.SubjectId == kalix && t.Workflow == "Rekrytering"));
        }
    }

    [Fact]
    public async Task AnnonsenVisarTextenSomTextMedStyckenOchKommunensVarderingar()
    {
        var id = await data.NyRekrytering()
            .Annonstext("<script>alert('x')</script> Vi söker en chef som leder med tillit och tydlighet i vardagen.\r\n\r\nDu har <b>erfarenhet</b> av ledarskap.\r\nDu tycker om människor och vill utveckla verksamheten.")
            .AnnonseradAsync();

        var response = await PortalClient.For(Portal).GetAsync($"/jobb/{id}");
        var html = await response.Content.ReadAsStringAsync();
        var page = PortalClient.Parse(html);

        var text = page.QuerySelector("#annonstext")!.ParentElement!;
        Assert.Equal(2, text.QuerySelectorAll("p").Length);
        Assert.Empty(text.QuerySelectorAll("script, b"));
        Assert.Contains("&lt;script&gt;", html);
        Assert.Single(text.QuerySelectorAll("br"));
        var ledarskap = page.QuerySelector("#om-ledarskap")!.ParentElement!;
        Assert.NotNull(ledarskap.QuerySelector("a[href='/policy/kalix']"));
        Assert.NotEmpty(ledarskap.QuerySelectorAll("ul.values li"));
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        Assert.Contains("offentlighetsprincipen", form.TextContent);
        Assert.Contains("24 månader", form.TextContent);
        Assert.Contains("Kalix kommun är personuppgiftsansvarig", form.TextContent);
        foreach (var input in form.QuerySelectorAll("input:not([type=hidden])"))
            Assert.NotNull(form.QuerySelector($"label[for='{input.Id}']"));
    }

    [Fact]
    public async Task LedigaChefsjobbFinnsIMenynOchPaStartsidanForAlla()
    {
        var start = await PortalClient.For(Portal).PageAsync("/");
        Assert.NotNull(start.QuerySelector("nav a[href='/jobb']"));
        Assert.NotNull(start.QuerySelector(".card a[href='/jobb']"));
    }

    [Theory]
    [InlineData(KandidatTillstand.Granskad, RekryteringsTillstand.Urval, "Din ansökan är mottagen och granskas")]
    [InlineData(KandidatTillstand.IntervjuBokad, RekryteringsTillstand.Intervjuer, "Du är kallad till intervju")]
    [InlineData(KandidatTillstand.EjAktuell, RekryteringsTillstand.Intervjuer, "Din ansökan går inte vidare")]
    [InlineData(KandidatTillstand.EjAktuell, RekryteringsTillstand.Avbruten, "Rekryteringen har avbrutits")]
    [InlineData(KandidatTillstand.Anstalld, RekryteringsTillstand.Tillsatt, "Du har tackat ja och är anställd")]
    [InlineData(KandidatTillstand.TackatNej, RekryteringsTillstand.Erbjudande, "Du har tackat nej till erbjudandet")]
    public void LagetBeskrivsMedDenSokandesOrd(KandidatTillstand state, RekryteringsTillstand recruitment, string expected)
    {
        var k = new Kandidat
        {
            KommunId = "kalix", Fornamn = "Å", Efternamn = "Ö", Epost = "a@b.se", SamtyckeVersion = Personuppgiftsinformation.Version, AtkomstHash = "x", State = state,
            Rekrytering = new() { KommunId = "kalix", Diarienummer = "REK", Titel = "Chef", AgareUserId = "u", AgareNamn = "A", State = recruitment },
        };
        Assert.Equal(expected, AnsokanService.LageFor(k).Rubrik);
    }

    /// <summary>Applicants, documents and mails in the portal: what a refused application must leave unchanged.</summary>
    private async Task<(int Kandidater, int Dokument, int Mejl)> CountAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Set<Kandidat>().IgnoreQueryFilters().CountAsync(), await db.Dokument.IgnoreQueryFilters().CountAsync(),
            await db.Set<OutboxMessage>().IgnoreQueryFilters().CountAsync());
    }

    private async Task AssertRefusedAsync(int id, string formPage)
    {
        var client = PortalClient.For(Portal);
        var before = await CountAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/jobb/{id}")).StatusCode);
        var response = await ApplyAsync(client, id, Sokande.Ny(), formPage: formPage);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Annonsen är inte längre aktuell", PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<KandidatTillstand> StateAsync(int rekryteringId)
    {
        await using var scope = Portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().Where(k => k.RekryteringId == rekryteringId).Select(k => k.State).SingleAsync();
    }

    /// <summary>Posts the form as a browser would; the CV is a real PDF named cv.pdf unless <paramref name="cv"/> says otherwise.</summary>
    internal static Task<HttpResponseMessage> ApplyAsync(PortalClient client, int id, Sokande s, byte[]? cv = null, byte[]? brev = null,
        string? formPage = null, bool utanCv = false, string cvNamn = "cv.pdf")
    {
        var files = new List<PortalClient.FormFile>();
        if (!utanCv) files.Add(new("Input.Cv", cvNamn, cv ?? TestFiles.Pdf()));
        if (brev is not null) files.Add(new("Input.Brev", "brev.docx", brev));
        return client.PostMultipartAsync($"/jobb/{id}", new()
        {
            ["Input.Fornamn"] = s.Fornamn, ["Input.Efternamn"] = s.Efternamn, ["Input.Epost"] = s.Epost, ["Input.Telefon"] = s.Telefon,
        }, files, formPage);
    }

    private static string TokenFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/ansokan/", location);
        return location["/ansokan/".Length..];
    }
}

/// <summary>An applicant with a fresh e-mail address, so tests sharing a portal never see each other's mail.</summary>
public sealed record Sokande(string Fornamn, string Efternamn, string Epost, string Telefon)
{
    public static Sokande Ny() => new("Åsa", "Öberg", $"asa.oberg.{Guid.NewGuid():N}@example.se", "070-123 45 67");
}
