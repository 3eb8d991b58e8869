using System.Globalization;
using System.Net.Sockets;
using ChefsRekrytering.Documents;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// The real services started by infra/test.sh. A test that needs one it cannot reach fails with a message
/// saying how to start it; it never passes by skipping.
/// </summary>
public static class TestServices
{
    public static string Postgres => Require("CHEFS_TEST_POSTGRES");
    public static string Azurite => Require("CHEFS_TEST_AZURITE");

    /// <summary>
    /// The clamd infra/services.sh started (with its EICAR test signature), checked to answer PING: a scanning test
    /// that ran against a dead daemon would only show the "try again later" refusal and prove nothing.
    /// </summary>
    public static ClamAvOptions Clamd
    {
        get
        {
            var options = new ClamAvOptions
            {
                Host = Require("CHEFS_TEST_CLAMD_HOST"),
                Port = int.Parse(Require("CHEFS_TEST_CLAMD_PORT"), CultureInfo.InvariantCulture),
                Timeout = TimeSpan.FromSeconds(10),
            };
            bool answers;
            try { answers = new ClamAvScanner(options).PingAsync().GetAwaiter().GetResult(); }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException) { answers = false; }
            return answers ? options : throw new InvalidOperationException(
                $"clamd svarar inte på {options.Host}:{options.Port}: testet behöver den riktiga tjänsten. Kör testerna med infra/test.sh, som startar den.");
        }
    }

    public static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Miljövariabeln {variable} saknas: testet behöver en riktig tjänst. Kör testerna med infra/test.sh, som startar den.");

    /// <summary>The repository root (where ChefsRekrytering.sln lives), found from the test binaries.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ChefsRekrytering.sln"))) return dir.FullName;
            throw new InvalidOperationException("Hittar inte ChefsRekrytering.sln ovanför testernas katalog.");
        }
    }
}
