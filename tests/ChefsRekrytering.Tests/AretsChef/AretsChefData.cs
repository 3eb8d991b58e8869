using System.Net;
using System.Security.Claims;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>Campaigns in a given state, and the nomination form as a browser posts it.</summary>
internal static class AretsChefData
{
    /// <summary>A campaign created by HR for today (through the same command as the page) and, unless planned, opened by
    /// the scheduler's own step (with the invitations); a later state is then set straight, as a builder would: the
    /// dates and the jury's steps are tested on their own.</summary>
    public static async Task<int> KampanjAsync(this PortalFactory portal, string kommunId, int ar, KampanjTillstand state = KampanjTillstand.NomineringOppen,
        bool jurynSerNominatorer = false, bool offentlig = false)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        var service = scope.ServiceProvider.GetRequiredService<AretsChefService>();
        var skapad = await service.SkapaKampanjAsync(new(ar, service.Today, service.Today.AddDays(14), jurynSerNominatorer, offentlig), Hr(kommunId));
        Assert.True(skapad.Succeeded, string.Join(" ", skapad.Reasons));
        if (state != KampanjTillstand.Planerad) Assert.True((await service.OppnaAsync(ar)).Succeeded);
        var k = await db.Set<Kampanj>().SingleAsync(x => x.Ar == ar);
        if (state is not (KampanjTillstand.Planerad or KampanjTillstand.NomineringOppen))
        {
            k.State = state;
            await db.SaveChangesAsync();
        }
        return k.Id;
    }

    /// <summary>HR of the municipality, as a command sees a signed-in user.</summary>
    public static ClaimsPrincipal Hr(string kommunId) =>
        new(new ClaimsIdentity([new(PortalClaims.Kommun, kommunId), new(ClaimTypes.Role, Roller.HR), new(PortalClaims.Namn, "HR")], "test"));

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
