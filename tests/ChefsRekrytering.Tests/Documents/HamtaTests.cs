using System.Net;
using System.Security.Claims;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Documents;

/// <summary>The portal with one owner type whose documents only HR may read, as a feature's own rule would say.</summary>
public sealed class DocumentPortal : PortalFactory
{
    public const string HrOnly = "HrPost";
    public const string WithoutRule = "PostUtanRegel";

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IDocumentOwnerAccess, HrOnlyAccess>();

    private sealed class HrOnlyAccess : IDocumentOwnerAccess
    {
        public string OwnerType => HrOnly;
        public Task<bool> CanReadAsync(ClaimsPrincipal user, int ownerId) => Task.FromResult(user.IsInRole(Roller.HR));
    }
}

public class HamtaTests(DocumentPortal portal) : IClassFixture<DocumentPortal>
{
    [Fact]
    public async Task HrIKommunenLaddarNerDokumentetSomBilaga()
    {
        var bytes = TestFiles.Pdf();
        var doc = await UploadAsync(DocumentPortal.HrOnly, bytes, "Åsa Öberg – CV.pdf");
        var response = await (await SignedIn("kalix", "hr")).GetAsync($"/dokument/{doc.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal(("attachment", "Åsa Öberg – CV.pdf"), (disposition.DispositionType, disposition.FileNameStar));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WorddokumentFarSinTypOchFilandelse()
    {
        var doc = await UploadAsync(DocumentPortal.HrOnly, TestFiles.Docx(), "brev");
        var response = await (await SignedIn("kalix", "hr")).GetAsync($"/dokument/{doc.Id}");
        Assert.Equal(DocumentFileType.Docx.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("brev.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task MedarbetareFarSammaSvarSomForEttDokumentSomInteFinns()
    {
        var doc = await UploadAsync(DocumentPortal.HrOnly, TestFiles.Pdf());
        var client = await SignedIn("kalix", "medarbetare");
        var denied = await client.GetAsync($"/dokument/{doc.Id}");
        var missing = await client.GetAsync("/dokument/999999");

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // Same visible page (the hidden antiforgery token differs per response anyway).
        Assert.Equal(await TextAsync(missing), await TextAsync(denied));
        Assert.Contains("Sidan finns inte", await TextAsync(denied));
    }

    [Fact]
    public async Task HrIEnAnnanKommunFar404()
    {
        var doc = await UploadAsync(DocumentPortal.HrOnly, TestFiles.Pdf());
        var response = await (await SignedIn("alvsbyn", "hr")).GetAsync($"/dokument/{doc.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnonymSkickasTillInloggningen()
    {
        var doc = await UploadAsync(DocumentPortal.HrOnly, TestFiles.Pdf());
        var response = await PortalClient.For(portal).GetAsync($"/dokument/{doc.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AgartypUtanBehorighetsregelGer404AvenForAdmin()
    {
        var doc = await UploadAsync(DocumentPortal.WithoutRule, TestFiles.Pdf());
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedIn("kalix", "admin")).GetAsync($"/dokument/{doc.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedIn("kalix", "hr")).GetAsync($"/dokument/{doc.Id}")).StatusCode);
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent;

    private Task<PortalClient> SignedIn(string kommun, string login) => PortalClient.For(portal).SignInAsync(kommun, login);

    private async Task<Dokument> UploadAsync(string ownerType, byte[] bytes, string fileName = "cv.pdf")
    {
        _ = portal.Server;
        await using var scope = portal.ScopeFor("kalix", out _);
        var result = await scope.ServiceProvider.GetRequiredService<DocumentService>()
            .UploadAsync(new MemoryStream(bytes), fileName, DokumentTyp.CV, ownerType, 1, "test");
        Assert.True(result.Succeeded, result.Error);
        return result.Dokument;
    }
}
