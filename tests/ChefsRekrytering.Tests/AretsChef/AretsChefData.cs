using System.Net;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>The nomination form as a browser posts it, and the campaign and its nominations as stored (the campaigns
/// themselves come from <see cref="Byggare.Testdata.KampanjAsync"/>).</summary>
internal static class AretsChefData
{
    /// <summary>Posts the nomination form of /arets-chef as the signed-in employee: the nominee and a motivation for
    /// the two required criteria (plus any given).</summary>
    public static Task<HttpResponseMessage> NomineraAsync(this PortalClient client, int chefPersonId, string motivering = "Bra resultat och tryggt klimat.",
        params (string Kriterium, string Text)[] fler) =>
        client.PostFormAsync("/arets-chef", Falt(chefPersonId, motivering, fler).ToDictionary());

    public static IEnumerable<KeyValuePair<string, string>> Falt(int chefPersonId, string motivering, params (string Kriterium, string Text)[] fler) =>
        new[] { ("resultat", motivering), ("arbetsklimat", motivering) }.Concat(fler)
            .Select(m => KeyValuePair.Create($"Nominering.Motiveringar[{m.Item1}]", m.Item2))
            .Prepend(KeyValuePair.Create("Nominering.ChefPersonId", chefPersonId.ToString()));

    public static async Task<List<Nominering>> NomineringarAsync(this PortalFactory portal, string kommunId, int ar)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        return await db.Set<Nominering>().AsNoTracking().Where(n => db.Set<Kampanj>().Any(k => k.Id == n.KampanjId && k.Ar == ar)).ToListAsync();
    }

    public static async Task<Kampanj> KampanjenAsync(this PortalFactory portal, string kommunId, int ar)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        return await db.Set<Kampanj>().AsNoTracking().Include(k => k.Kortlista).Include(k => k.Bedomningar).SingleAsync(k => k.Ar == ar);
    }

    public static void AssertRedirect(this HttpResponseMessage response, string? to = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"väntade omdirigering, fick {(int)response.StatusCode}");
        if (to is not null) Assert.Equal(to, response.Headers.Location!.OriginalString);
    }
}
