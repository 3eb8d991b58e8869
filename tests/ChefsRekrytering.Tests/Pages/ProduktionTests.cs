using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Pages;

/// <summary>What Production refuses at start-up rather than run unsafely: keys that anyone reading the database could
/// use, demo accounts with a published password, and mails whose links would point at the server's own address.</summary>
public class ProduktionTests
{
    [Fact]
    public async Task ProduktionStartarInteMedOkrypteradeNycklar()
    {
        await using var portal = new PortalFactory().WithEnvironment("Production").With("Portal:SeedDemo", "false");
        var error = Assert.ThrowsAny<Exception>(() => portal.Server);
        Assert.Contains("DataProtection:CertificatePath", Messages(error));
    }

    [Fact]
    public async Task ProduktionStartarInteMedDemokonton()
    {
        using var certifikat = Certificate();
        var (path, password) = (certifikat.Path, certifikat.Password);
        await using var portal = new PortalFactory().WithEnvironment("Production").With("Portal:PublicUrl", "https://chefsportal.example")
            .With("DataProtection:CertificatePath", path).With("DataProtection:CertificatePassword", password);
        var error = Assert.ThrowsAny<Exception>(() => portal.Server);
        Assert.Contains("Portal:SeedDemo", Messages(error));
    }

    [Fact]
    public async Task ProduktionStartarInteUtanPortalensPublikaAdress()
    {
        using var certifikat = Certificate();
        var (path, password) = (certifikat.Path, certifikat.Password);
        await using var portal = new PortalFactory().WithEnvironment("Production").With("Portal:SeedDemo", "false")
            .With("DataProtection:CertificatePath", path).With("DataProtection:CertificatePassword", password);
        var error = Assert.ThrowsAny<Exception>(() => portal.Server);
        Assert.Contains("I produktion måste Portal:PublicUrl anges", Messages(error));
    }

    [Fact]
    public async Task ProduktionMedKrypteradeNycklarOchUtanDemoStartar()
    {
        using var certifikat = Certificate();
        var (path, password) = (certifikat.Path, certifikat.Password);
        await using var portal = new PortalFactory().WithEnvironment("Production").With("Portal:SeedDemo", "false")
            .With("Portal:PublicUrl", "https://chefsportal.example")
            .With("DataProtection:CertificatePath", path).With("DataProtection:CertificatePassword", password);
        var client = portal.CreateClient(new() { BaseAddress = new Uri("https://chefsportal.example/") });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.StartsWith("__Host-", (await client.GetAsync("/konto/logga-in")).Headers.GetValues("Set-Cookie").First());
    }

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Messages(e.InnerException);

    /// <summary>A test certificate in a temp file, deleted when disposed: a private key, even a test's, is not left in /tmp.</summary>
    private sealed record Testcertifikat(string Path, string Password) : IDisposable
    {
        public void Dispose() => File.Delete(Path);
    }

    private static Testcertifikat Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ChefsRekrytering dataskydd", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"chefs-dp-{Guid.NewGuid():N}.pfx");
        const string password = "test-losenord";
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, password));
        return new(path, password);
    }
}
