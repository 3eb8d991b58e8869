using System.Net;
using ChefsRekrytering.Data;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Scim;

/// <summary>A portal whose SCIM limit is three requests per token and minute, so the test reaches it.</summary>
public sealed class ScimGransPortal : PortalFactory
{
    public ScimGransPortal() : base(DatabaseProvider.Sqlite) => With("Security:ScimAnropPerMinut", "3");
}

/// <summary>
/// A client that loops is slowed per token: past the limit it gets 429 with SCIM's error body and Retry-After, while
/// another municipality's identity provider, with its own token, goes on undisturbed.
/// </summary>
public sealed class ScimGransTests(ScimGransPortal portal) : IClassFixture<ScimGransPortal>
{
    [Fact]
    public async Task ForMangaForfragningarMedEnTokenGer429MedScimFelOchRetryAfterMenInteForEnAnnanToken()
    {
        var kalix = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var alvsbyn = await ScimKlient.MedNyTokenAsync(portal, "alvsbyn");
        for (var i = 0; i < 3; i++) await ScimKlient.JsonAsync(await kalix.GetAsync("/scim/v2/Users"), HttpStatusCode.OK);

        var svar = await kalix.PostAsync("/scim/v2/Users", EntraBodies.SkapaAnvandare("sen@kalix.onmicrosoft.com", "sen@kalix.example", "Sen", "Ankomst"));
        await ScimKlient.FelAsync(svar, HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(svar.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);

        await ScimKlient.JsonAsync(await alvsbyn.GetAsync("/scim/v2/Groups"), HttpStatusCode.OK);
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(db.Personer.Any(p => p.Epost == "sen@kalix.example"));
    }
}
