using ChefsRekrytering.Documents;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Documents;

/// <summary>A file's size as a person reads it, in Swedish, from a few bytes to megabytes: never "0 kB" for a real file.</summary>
public class FilstorlekTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Theory]
    [InlineData(0, "0 byte")]
    [InlineData(656, "656 byte")]
    [InlineData(1023, "1023 byte")]
    [InlineData(1024, "1 kB")]
    [InlineData(1229, "1,2 kB")]
    [InlineData(1048575, "1 MB")] // 1023,999 kB is not shown as "1024 kB"
    [InlineData(3565158, "3,4 MB")]
    [InlineData(10 * 1024 * 1024, "10 MB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5 GB")]
    public void StorlekenSkrivsSomEnMänniskaLaserDen(long bytes, string text) => Assert.Equal(text, Filstorlek.Text(bytes));

    [Fact]
    public async Task EttLitetCvVisasMedSinStorlekIByteOchInteSomNollKilobyte()
    {
        var id = await new RekryteringBuilder(portal).AnnonseradAsync();
        var pdf = TestFiles.Pdf();
        var cv = pdf.Concat(Enumerable.Repeat((byte)'\n', 656 - pdf.Length)).ToArray(); // a PDF may end in blank lines
        int kandidat;
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var resultat = await scope.ServiceProvider.GetRequiredService<AnsokanService>().SubmitAsync(id,
                new NyAnsokan("Åsa", "Öberg", $"{Guid.NewGuid():N}@example.se", "070-000 00 00", new AnsokanFil("cv.pdf", new MemoryStream(cv)), null),
                token => $"/ansokan/{token}");
            Assert.NotNull(resultat.Token);
            kandidat = await db.Set<Kandidat>().Where(k => k.RekryteringId == id).Select(k => k.Id).SingleAsync();
        }
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var handlingar = (await hr.PageAsync($"/rekrytering/{id}/kandidater/{kandidat}")).QuerySelector("#handlingar-rubrik")!.ParentElement!;
        Assert.Equal("CV: cv.pdf (656 byte)", handlingar.QuerySelector("li")!.TextContent.Trim());
    }
}
