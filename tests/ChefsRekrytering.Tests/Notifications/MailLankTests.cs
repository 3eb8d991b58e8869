using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Jobb;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Notifications;

/// <summary>
/// Links in mails lead to the portal wherever it runs: without Portal:PublicUrl to the address the server listens on
/// (not a default that is right only for `dotnet run`), whether a page's command or a background job writes the mail,
/// and never to the address a request's Host header names.
/// </summary>
public sealed class MailLankTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private string _adress = "";

    public Task InitializeAsync()
    {
        _portal.UseKestrel(0); // a real server on a port of its own, as `dotnet run --urls` or a container gives
        _portal.StartServer();
        _adress = _portal.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UtanPublicUrlPekarLankarnaPaServernsAdressOchAldrigPaFragansHost()
    {
        Assert.DoesNotContain(":5080", _adress);
        var jobb = await new RekryteringBuilder(_portal).AnnonseradAsync();
        var client = new PortalClient(_portal.CreateClient(new() { BaseAddress = new Uri(_adress) }));
        client.Http.DefaultRequestHeaders.Host = "angripare.example"; // a forged Host header on the public form
        var sokande = Sokande.Ny();
        await AnsokanTests.ApplyAsync(client, jobb, sokande);
        var kvitto = await MailAsync(m => m.ToAddress == sokande.Epost);
        Assert.Contains($"{_adress}/ansokan/", kvitto);
        Assert.DoesNotContain("angripare.example", kvitto);

        // The scheduler opens Årets chef and invites every employee: no request at all behind that mail.
        await new Testdata(_portal, "kalix").KampanjAsync(2030);
        var inbjudan = await MailAsync(m => m.Topic == "AretsChef:2030:Inbjudan");
        Assert.Contains($"{_adress}/arets-chef", inbjudan);
    }

    private async Task<string> MailAsync(System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> which)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        var mail = await db.Set<OutboxMessage>().Where(which).OrderBy(m => m.Id).FirstAsync();
        return mail.TextBody + mail.HtmlBody;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
