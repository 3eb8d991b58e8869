using System.Net;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Scim;

/// <summary>A token copied into the identity provider is not a key for ever: after a year it opens nothing.</summary>
public class ScimTokenGiltighetTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory().WithClock(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task EnTokenSlutarGallaEfterEttArOchAdminSerDet()
    {
        var scim = await ScimKlient.MedNyTokenAsync(_portal, "kalix");
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/scim/v2/Users?count=1")).StatusCode);
        var admin = await PortalClient.For(_portal).SignInAsync("kalix", "admin");
        Assert.Contains("Gäller till 2027-12-03", (await admin.PageAsync("/admin/scim")).QuerySelector("main")!.TextContent);

        _clock.Advance(TimeSpan.FromDays(364));
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/scim/v2/Users?count=1")).StatusCode);
        _clock.Advance(TimeSpan.FromDays(1));
        var utgangen = await scim.GetAsync("/scim/v2/Users?count=1");
        Assert.Equal(HttpStatusCode.Unauthorized, utgangen.StatusCode);
        Assert.Contains("urn:ietf:params:scim:api:messages:2.0:Error", await utgangen.Content.ReadAsStringAsync());
        var igen = await PortalClient.For(_portal).SignInAsync("kalix", "admin"); // a year on, the old session has ended too
        Assert.Contains("Gick ut 2027-12-03", (await igen.PageAsync("/admin/scim")).QuerySelector("main")!.TextContent);
    }
}
