using System.Net;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>Campaigns in a given state, and the nomination form as a browser posts it.</summary>
internal static class AretsChefData
{
    /// <summary>A campaign opened today (through its workflow, without the invitations), or moved straight to a later
    /// state as a builder would: the scheduler's part is tested on its own.</summary>
    public static async Task<int> KampanjAsync(this PortalFactory portal, string kommunId, int ar, KampanjTillstand state = KampanjTillstand.NomineringOppen,
        bool jurynSerNominatorer = false, bool offentlig = false)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        var service = scope.ServiceProvider.GetRequiredService<AretsChefService>();
        var k = service.Create(ar, service.Today, service.Today.AddDays(14), jurynSerNominatorer, offentlig);
        await db.SaveChangesAsync();
        if (state >= KampanjTillstand.NomineringOppen)
            Assert.True(service.Workflow(k, 0).Fire(KampanjHandelse.Oppna, Actor.System).Succeeded);
        if (state > KampanjTillstand.NomineringOppen) k.State = state;
        await db.SaveChangesAsync();
        return k.Id;
    }

    public static async Task SattLageAsync(this PortalFactory portal, string kommunId, int ar, KampanjTillstand state)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        (await db.Set<Kampanj>().SingleAsync(k => k.Ar == ar)).State = state;
        await db.SaveChangesAsync();
    }

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

    /// <summary>The demo person behind a login, by name for readable tests.</summary>
    public static Task<int> Id(this PortalFactory portal, string kommunId, string login) => portal.PersonIdAsync(kommunId, login);

    public static async Task<int> IdForNamnAsync(this PortalFactory portal, string kommunId, string efternamn)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        return await db.Personer.Where(p => p.Efternamn == efternamn).Select(p => p.Id).SingleAsync();
    }
}
