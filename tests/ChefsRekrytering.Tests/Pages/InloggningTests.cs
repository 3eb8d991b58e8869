using System.Net;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Tests.Pages;

/// <summary>
/// Signing in tells no one which addresses have accounts, and a stranger cannot lock a person out: failures brake the
/// address from the computer they came from, not the account.
/// </summary>
public class InloggningTests
{
    private const string Fel = "Fel e-postadress eller lösenord.";
    private const string ForManga = "För många misslyckade försök";

    [Fact]
    public async Task FelFranEnDatorBromsarDenDatornMenInteKontotsAgare()
    {
        await using var portal = new PortalFactory().WithServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>());
        var stranger = From(portal, "203.0.113.9");
        var answers = new List<string>();
        for (var i = 0; i < 6; i++) answers.Add(await SignInAsync(stranger, "kommunchef@vindeln.example", "gissat-losenord-" + i));
        Assert.All(answers.Take(4), a => Assert.Contains(Fel, a));
        Assert.Contains(ForManga, answers[5]);
        // Even the right password waits, from there.
        Assert.Contains(ForManga, await SignInAsync(stranger, "kommunchef@vindeln.example", DemoSeeder.DemoPassword));

        // The person, at their own computer, signs in as usual: the account is not locked.
        var owner = From(portal, "198.51.100.7");
        var response = await owner.PostFormAsync("/konto/logga-in", Form("kommunchef@vindeln.example", DemoSeeder.DemoPassword));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task OkandAdressFarSammaSvarOchSammaBromsSomEnKand()
    {
        await using var portal = new PortalFactory().WithServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>());
        var client = From(portal, "203.0.113.10");
        var known = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(Message(await SignInAsync(client, "medarbetare@alvsbyn.example", "fel-losenord-123")));
            unknown.Add(Message(await SignInAsync(client, "finns-inte@alvsbyn.example", "fel-losenord-123")));
        }
        Assert.Equal(known, unknown);
        Assert.Contains(known, m => m.Contains(ForManga));
    }

    [Fact]
    public async Task OkandOchKandAdressKontrollerarEttLosenordVardera()
    {
        // The time an answer takes is the hashing: an unknown address is checked against a decoy hash of the same cost.
        var hasher = new CountingHasher();
        await using var portal = new PortalFactory().WithServices(s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(sp =>
            hasher.Using(new PasswordHasher<ApplicationUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()))));
        var client = PortalClient.For(portal);

        await SignInAsync(client, "hr@kalix.example", "fel-losenord-123");
        var known = hasher.Verifications;
        await SignInAsync(client, "ingen-alls@kalix.example", "fel-losenord-123");
        var unknown = hasher.Verifications - known;

        Assert.Equal(1, known);
        Assert.Equal(1, unknown);
        Assert.Equal(hasher.IterationsOfLastHashChecked(0), hasher.IterationsOfLastHashChecked(1));
    }

    [Fact]
    public async Task SparratKontoSagsBaraTillDenSomKanLosenordet()
    {
        await using var portal = new PortalFactory();
        await using (var scope = portal.ScopeFor("kalix", out _))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("jury@kalix.example"))!;
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue); // Admin's "has left"
        }
        var client = PortalClient.For(portal);
        Assert.Contains(Fel, await SignInAsync(client, "jury@kalix.example", "fel-losenord-123"));
        Assert.Contains("Kontot är spärrat", await SignInAsync(client, "jury@kalix.example", DemoSeeder.DemoPassword));
    }

    private static PortalClient From(PortalFactory portal, string address)
    {
        var client = PortalClient.For(portal);
        client.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    private static Dictionary<string, string> Form(string epost, string losenord) => new() { ["Input.Epost"] = epost, ["Input.Losenord"] = losenord };

    private static async Task<string> SignInAsync(PortalClient client, string epost, string losenord) =>
        await (await client.PostFormAsync("/konto/logga-in", Form(epost, losenord))).Content.ReadAsStringAsync();

    private static string Message(string html) => PortalClient.Parse(html).QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";

    /// <summary>Identity's own hasher, counting the checks it makes and remembering the cost (iterations) of each hash checked.</summary>
    private sealed class CountingHasher
    {
        private IPasswordHasher<ApplicationUser> _inner = null!;
        private readonly List<int> _iterations = [];
        public int Verifications => _iterations.Count;
        public int IterationsOfLastHashChecked(int index) => _iterations[index];

        public IPasswordHasher<ApplicationUser> Using(IPasswordHasher<ApplicationUser> inner)
        {
            _inner = inner;
            return new Wrapper(this);
        }

        private sealed class Wrapper(CountingHasher counter) : IPasswordHasher<ApplicationUser>
        {
            public string HashPassword(ApplicationUser user, string password) => counter._inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
            {
                // Identity's v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), ...
                var bytes = Convert.FromBase64String(hashedPassword);
                lock (counter._iterations) counter._iterations.Add(bytes[0] == 0x01 ? (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8] : -1);
                return counter._inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
