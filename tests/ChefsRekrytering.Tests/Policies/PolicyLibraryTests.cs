using ChefsRekrytering.Policies;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Policies;

public class PolicyLibraryTests
{
    private static readonly PolicyLibrary Library = PolicyLibrary.LoadFrom(Path.Combine(TestServices.RepoRoot, "content", "policies"));

    [Fact]
    public void AllaFemKommunernasPolicyerLaddas()
    {
        Assert.Equal(["alvsbyn", "kalix", "ljusnarsberg", "vimmerby", "vindeln"], Library.All.Select(p => p.Id).Order());
        Assert.All(Library.All, p =>
        {
            Assert.NotEmpty(p.Kompetensomraden);
            Assert.All(p.Kompetensomraden, a => Assert.NotEmpty(a.Krav));
            Assert.NotEmpty(p.ForvantningarPaArbetsgivaren);
            Assert.NotEmpty(p.Uppfoljning);
            Assert.NotEmpty(p.Avsnitt);
            Assert.True(p.TextMarkdown.Length > 1500, $"{p.Id}: policyns text är för kort för att vara hela texten");
        });
    }

    [Fact]
    public void KalixHarFyraKompetensomradenOchLedarakademin()
    {
        var kalix = Library.Get("kalix");
        foreach (var area in new[] { "Verksamhetskompetens", "Strategisk kompetens", "Administrativ kompetens", "Social kompetens" })
            Assert.Contains(kalix.Kompetensomraden, a => a.Namn.Contains(area, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(11, kalix.Kompetensomraden.Single(a => a.Namn.Contains("Social")).Krav.Count);
        Assert.Contains("Ledarakademin", kalix.TextMarkdown);
        Assert.Contains(kalix.AllaKrav, k => k.Text.Contains("Att delegera uppgifter så att medarbetare får handlingsutrymme"));
    }

    [Fact]
    public void AlvsbynHarSinaVarderingarOchBeslut()
    {
        var alvsbyn = Library.Get("alvsbyn");
        Assert.Equal(["Helhet", "Tillit", "Engagemang", "Kreativitet", "Handlingskraft", "Lojalitet"], alvsbyn.Varderingar.Select(v => v.Namn));
        Assert.Equal(new DateOnly(2023, 4, 24), alvsbyn.AntagenDatum);
        Assert.Contains("Årets chef", alvsbyn.TextMarkdown);
        Assert.Contains(alvsbyn.Avsnitt, s => s.Rubrik == "Avveckling av chefskap");
    }

    [Fact]
    public void OvrigaPolicyernasEgenartFinnsKvar()
    {
        Assert.Contains("Uppdragskontrakt", Library.Get("ljusnarsberg").TextMarkdown);
        Assert.Contains("Ledningsforum", Library.Get("vindeln").TextMarkdown, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["Ansvar", "Mod", "Fantasi"], Library.Get("vimmerby").Varderingar.Select(v => v.Namn));
        Assert.Equal("Kommunfullmäktige 2017-06-19 §146", Library.Get("vimmerby").Antagen);
    }

    [Fact]
    public void KravIdnaArUnikaInomVarjePolicy()
    {
        Assert.All(Library.All, p =>
        {
            var ids = p.AllaKrav.Select(k => k.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        });
    }

    [Fact]
    public void TextForeForstaRubrikenBlirEttEgetAvsnitt()
    {
        var policy = PolicyFileParser.Parse("test.md", ValidFile().Replace("## Första", "Inledande stycke.\n\n## Första"));
        Assert.Equal(["Inledning", "Första"], policy.Avsnitt.Select(s => s.Rubrik));
    }

    [Theory]
    [InlineData("kommun: Testkommun\n", "", "'kommun'")]
    [InlineData("titel: Ledarplan\n", "titel: \"\"\n", "'titel'")]
    [InlineData("antagen_datum: 2020-01-01\n", "antagen_datum: förra året\n", "'antagen_datum'")]
    [InlineData("      - id: k-2\n", "      - id: k-1\n", "'kompetensomraden[0].krav[1].id'")]
    [InlineData("    krav:\n      - id: k-1\n        text: Att leda\n      - id: k-2\n        text: Att följa upp\n", "    krav: []\n", "'kompetensomraden[0].krav'")]
    [InlineData("uppfoljning:\n  - Årligen\n", "", "'uppfoljning'")]
    [InlineData("id: test\n", "id: annan\n", "'id'")]
    public void FelaktigFilStopparStartenOchNamngerFilOchFalt(string original, string replacement, string expectedField)
    {
        var content = ValidFile();
        Assert.Contains(original, content);
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFileParser.Parse("test.md", content.Replace(original, replacement)));
        Assert.Contains("'test.md'", ex.Message);
        Assert.Contains(expectedField, ex.Message);
    }

    [Fact]
    public void OgiltigYamlGerRadnummer()
    {
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFileParser.Parse("test.md", ValidFile().Replace("titel: Ledarplan", "titel: [Ledarplan")));
        Assert.Contains("inte giltig YAML", ex.Message);
    }

    [Fact]
    public void FilUtanTextStopparStarten()
    {
        var content = ValidFile();
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFileParser.Parse("test.md", content[..(content.LastIndexOf("---", StringComparison.Ordinal) + 4)]));
        Assert.Contains("'text'", ex.Message);
    }

    private static string ValidFile() => """
        ---
        id: test
        kommun: Testkommun
        titel: Ledarplan
        dokumenttyp: Ledarplan
        antagen_av: Kommunfullmäktige
        antagen_datum: 2020-01-01
        kalla: test.txt
        sammanfattning: En policy för test.
        varderingar: []
        kompetensomraden:
          - id: omrade
            namn: Område
            krav:
              - id: k-1
                text: Att leda
              - id: k-2
                text: Att följa upp
        forvantningar_pa_arbetsgivaren:
          - Ett tydligt uppdrag
        uppfoljning:
          - Årligen
        ---
        ## Första
        Text.
        """.Replace("\r\n", "\n") + "\n";
}
