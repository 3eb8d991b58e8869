using ChefsRekrytering.Notifications;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ChefsRekrytering.Tests.Notifications;

/// <summary>The embedded default: no mail server, every mail becomes an .eml file an admin can open.</summary>
public class PickupFolderTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task MejlHamnarSomEmlFilSomAdminKanLadda()
    {
        var admin = await PortalClient.For(portal).SignInAsync("vindeln", "hr");
        await admin.PostFormAsync("/admin/epost?handler=Testmejl", new(), formPage: "/admin/epost");
        await WaitUntilSentAsync();

        var page = await admin.PageAsync("/admin/epost");
        var link = page.QuerySelectorAll("tbody a").First(a => a.TextContent == "Testmejl från ChefsRekrytering").GetAttribute("href")!;
        var detail = await admin.PageAsync(link);
        var emlLink = detail.QuerySelector("a[href$='handler=Eml']")!.GetAttribute("href")!;

        var response = await admin.GetAsync(emlLink);
        Assert.Equal("message/rfc822", response.Content.Headers.ContentType!.MediaType);
        var message = await MimeMessage.LoadAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal("hr@vindeln.example", ((MailboxAddress)message.To.Single()).Address);
        Assert.Contains("Hej Karolina Strand!", message.TextBody);
        Assert.True(File.Exists(Path.Combine(portal.DataFolder, "mail", detail.QuerySelector("a[href$='handler=Eml']")!.TextContent)));
    }

    /// <summary>The background dispatcher is on here, as in production; wait for it rather than race it.</summary>
    private async Task WaitUntilSentAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            await using var scope = portal.ScopeFor("vindeln", out var db);
            if (await db.Set<OutboxMessage>().AnyAsync(m => m.DeliveredAs != null)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("Testmejlet skickades inte inom 10 s.");
    }
}
