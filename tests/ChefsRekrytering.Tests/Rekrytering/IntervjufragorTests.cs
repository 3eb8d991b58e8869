using System.Text.RegularExpressions;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>The interview question a requirement becomes: one a person would ask, for every requirement of all five
/// municipalities' policies, not the policy's sentence pasted into a template.</summary>
public class IntervjufragorTests(ITestOutputHelper output)
{
    private static readonly PolicyLibrary Library = PolicyLibrary.LoadFrom(Path.Combine(TestServices.RepoRoot, "content", "policies"));
    private static readonly Intervjuformulering Standard = Intervjuformulering.LasFil(Path.Combine(TestServices.RepoRoot, "content", "templates", "intervjufragor.yaml"));

    [Theory]
    // A statement about the manager, in the third person and the present tense.
    [InlineData("Chefen kommunicerar tydligt.",
        "Berätta om en situation där du behövde kommunicera tydligt – hur gick du till väga, och hur tog de andra emot det?")]
    [InlineData("Ledaren tar ansvar för sin egen utveckling.",
        "Berätta om en gång när du behövde ta ansvar för din egen utveckling. Hur gick du till väga, och vad blev resultatet?")]
    [InlineData("Vi bidrar till öppet klimat och motarbetar alla former av trakasserier.",
        "Berätta om en gång när du behövde bidra till öppet klimat och motarbeta alla former av trakasserier. Hur gick du till väga, och vad blev resultatet?")]
    [InlineData("Är tydliga i sitt agerande, har kunskap och befogenheter utifrån det som förväntas av ledarskapet",
        "Berätta om en situation där det var viktigt att vara tydlig i ditt agerande, ha kunskap och befogenheter utifrån det som förväntas av ledarskapet. Hur märktes det i det du gjorde?")]
    // "Att …" and a bare infinitive; what to be or have is asked as a situation where it mattered.
    [InlineData("Att delegera uppgifter så att medarbetare får handlingsutrymme och möjlighet att ta ansvar",
        "Berätta om en gång när du behövde delegera uppgifter så att medarbetare får handlingsutrymme och möjlighet att ta ansvar. Hur gick du till väga, och vad blev resultatet?")]
    [InlineData("Ha gott omdöme.", "Berätta om en situation där det var viktigt att ha gott omdöme. Hur märktes det i det du gjorde?")]
    // The explanation after "dvs", the list of questions after a colon and a second sentence are left out.
    [InlineData("Ha helhetssyn i det dagliga arbetet, dvs utifrån kommunfullmäktiges vision tänka på: Vilka är vi till för?",
        "Berätta om en situation där det var viktigt att ha helhetssyn i det dagliga arbetet. Hur märktes det i det du gjorde?")]
    [InlineData("I medarbetarsamtalet belysa arbetssituationen.",
        "Berätta om en gång när du i medarbetarsamtalet behövde belysa arbetssituationen. Hur gick du till väga, och vad blev resultatet?")]
    // "sin" and "sig" are the candidate's in the main clause, someone else's after "där", "som", "så att".
    [InlineData("Skapa en trygg kultur där kolleger känner sig uppskattade.",
        "Berätta om en gång när du behövde skapa en trygg kultur där kolleger känner sig uppskattade. Hur gick du till väga, och vad blev resultatet?")]
    [InlineData("Att i sitt uppdrag se samband mellan den egna verksamheten, kommunens verksamhet i sin helhet samt samhället",
        "Berätta om en gång när du i ditt uppdrag behövde se samband mellan den egna verksamheten, kommunens verksamhet i sin helhet samt samhället. Hur gick du till väga, och vad blev resultatet?")]
    [InlineData("Planerar, organiserar leder och kontrollera verksamheten",
        "Berätta om en gång när du behövde planera, organisera leda och kontrollera verksamheten. Hur gick du till väga, och vad blev resultatet?")]
    public void EttKravBlirEnFragaSomEnMänniskaStaller(string krav, string fraga) => Assert.Equal(fraga, Intervjufragor.For(krav, Standard));

    [Fact]
    public void VarjeKravIAllaFemPolicyerBlirEnNaturligFraga()
    {
        var problem = new List<string>();
        var antal = 0;
        foreach (var policy in Library.All)
            foreach (var krav in policy.AllaKrav)
            {
                antal++;
                var fraga = Intervjufragor.For(krav.Text, Standard);
                output.WriteLine($"{policy.Id}/{krav.Id}: {fraga}");
                var fel = new List<string>();
                if (!fraga.StartsWith("Berätta om en ") || !fraga.EndsWith('?')) fel.Add("inte en fråga om en situation");
                if (fraga.Contains(krav.Text.Trim().TrimEnd('.'))) fel.Add("kravets mening inklistrad");
                // The policy's own voice left in: its subject, "att" twice, a third or first person, a present tense where
                // the question needs the infinitive ("behövde tar").
                if (Regex.IsMatch(fraga, @"\b(Ledaren|Chefen|Vi|Att|jag|mig)\b") || Regex.IsMatch(fraga, @"(behövde|viktigt att) ([\p{L}-]+ ){0,4}(sin|sitt|sina|sig)\b"))
                    fel.Add("policyns egen röst kvar");
                if (Regex.IsMatch(fraga, @"\batt att\b|\bbehövde att\b")) fel.Add("”att” för mycket");
                if (Regex.Match(fraga, @"(behövde|viktigt att) (\p{L}+)") is { Success: true } verb && verb.Groups[2].Value.EndsWith('r'))
                    fel.Add($"”{verb.Value}”: presens där infinitiv behövs");
                if (fraga.Length > krav.Text.Length + 110) fel.Add("längre än kravet och ramen");
                if (fel.Count > 0) problem.Add($"{policy.Id}/{krav.Id}: {string.Join(", ", fel)}: {fraga}");
            }
        Assert.True(problem.Count == 0, string.Join("\n", problem));
        Assert.True(antal > 80, $"bara {antal} krav");
    }

    [Fact]
    public void EnKommunsEgenFormuleringGerDessFragorFoljdfragorOchSkala()
    {
        var egen = Standard.Text
            .Replace("handling: Berätta om en gång när du {{ nar }}behövde {{ handling }}. Hur gick du till väga, och vad blev resultatet?",
                "handling: Ge ett exempel på när du {{ nar }}fick {{ handling | upcase }}.")
            .Replace("  - Vad skulle du göra annorlunda?\n", "")
            .Replace("Saknas – inga exempel", "Inga exempel alls");
        var (formulering, fel) = Intervjuformulering.Tolka(egen);
        Assert.True(formulering is not null, string.Join(" ", fel));
        Assert.Equal("Ge ett exempel på när du i medarbetarsamtalet fick BELYSA ARBETSSITUATIONEN.", Intervjufragor.For("I medarbetarsamtalet belysa arbetssituationen.", formulering));
        Assert.Equal(["Vad gjorde du konkret?", "Vad blev resultatet?"], formulering.Foljdfragor);
        Assert.Equal((1, "Inga exempel alls"), formulering.Skala[0]);
        Assert.Equal(5, formulering.Skala.Count);
    }

    [Theory]
    [InlineData("handling: Berätta om när du {{ kandidatens_namn }} {{ handling }}.", "Fältet \"kandidatens_namn\" i frasen \"handling\" finns inte. Fälten som finns: handling, nar.")]
    [InlineData("handling: Berätta om en gång då du arbetade.", "Frasen \"handling\" ska innehålla {{ handling }}")]
    [InlineData("handling: Berätta om {% if handling %}{{ handling }}.", "Frasen \"handling\" går inte att tolka")]
    [InlineData("handling: Berätta {% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %} {{ handling }}", "för många steg")]
    [InlineData("reserv: Berätta om {{ handling }}.", "Frasen \"reserv\" används när kravet inte går att göra om")]
    [InlineData("skala:\n  - Ett\n  - Två", "Skalan ska ha fem steg")]
    [InlineData("egenskap: [inte en text", "Mallen går inte att läsa på rad")]
    public void EnFormuleringSomInteDugerNekasMedSkal(string rad, string skal)
    {
        // The line replaces the standard's line of the same name (or is added where the standard has it as a list).
        var namn = rad[..rad.IndexOf(':')];
        var rader = Standard.Text.Split('\n').ToList();
        var start = rader.FindIndex(r => r.StartsWith(namn + ":"));
        var slut = start + 1;
        while (slut < rader.Count && rader[slut].StartsWith("  - ")) slut++;
        rader.RemoveRange(start, slut - start);
        rader.Insert(start, rad);
        var (formulering, fel) = Intervjuformulering.Tolka(string.Join('\n', rader));
        Assert.Null(formulering);
        Assert.Contains(fel, f => f.Contains(skal));
    }
}
