using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Rekrytering;

namespace ChefsRekrytering.Tests.Workflows;

/// <summary>Every process's diagram is pinned in docs/processer, so a change to a process shows as a diff in review.</summary>
public class ProcessGraphTests
{
    private static readonly ListJournal Journal = new();

    [Fact]
    public void KandidatensProcessArFastlagd()
    {
        var r = new Rekryteringar.Rekrytering { KommunId = "k", Diarienummer = "d", Titel = "t", AgareUserId = "u", AgareNamn = "n" };
        var k = new Kandidat { KommunId = "k", Fornamn = "f", Efternamn = "e", Epost = "e", SamtyckeVersion = "1", AtkomstHash = "h" };
        GraphFile.AssertMatches("kandidat", new KandidatWorkflow(k, r, Journal).ToMermaid());
    }

    [Fact]
    public void IntroduktionensProcessArFastlagd()
    {
        var i = new Introduktioner.Introduktion { KommunId = "k", ChefNamn = "c", Befattning = "b", AnstallandeChefNamn = "a" };
        GraphFile.AssertMatches("introduktion", new IntroduktionWorkflow(i, Journal, new DateOnly(2026, 11, 23)).ToMermaid());
    }

    [Fact]
    public void AvvecklingensProcessArFastlagd()
    {
        var a = new Avvecklingar.AvvecklingsArende { KommunId = "k", ChefNamn = "c", AnsvarigNamn = "a", InitieradAvNamn = "i", Bakgrund = "b" };
        GraphFile.AssertMatches("avveckling", new Avvecklingar.AvvecklingWorkflow(a, Journal).ToMermaid());
    }
}
