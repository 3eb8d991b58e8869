using System.Text;
using System.Text.RegularExpressions;
using ChefsRekrytering.Policies;
using DocumentFormat.OpenXml;

namespace ChefsRekrytering.Tests.Policies;

public class PolicyDocxTests
{
    private static PolicyDocxResultat Las(byte[] bytes) => PolicyDocx.Las(new MemoryStream(bytes), "Testby kommun");

    private static DocxBygge RealistiskPolicy(DocxBygge? bygge = null) => (bygge ?? new DocxBygge())
        .Titel("Ledarskapspolicy för Testby kommun")
        .Stycke("Policyn beskriver vad Testby kommun förväntar sig av sina chefer och vad cheferna kan förvänta sig av kommunen.")
        .Stycke("Antagen av kommunfullmäktige 2024-03-18 § 42, Dnr KS 2023/117")
        .Rubrik1("Inledning")
        .Stycke("Ledarskapet är avgörande för verksamhetens kvalitet.")
        .Stycke("Alla chefer omfattas av policyn.")
        .Rubrik1("Chefens uppdrag")
        .Rubrik2("Verksamhet och resultat")
        .Stycke("Chefen leder verksamheten mot målen.")
        .Numrerat("Leda verksamheten mot uppsatta mål", "Följa upp ekonomi och kvalitet", "Driva utveckling tillsammans med medarbetarna")
        .Rubrik2("Medarbetarskap")
        .Punkter("Skapa delaktighet och tillit", "Ge återkoppling: tydligt och ofta", "Ta ansvar för arbetsmiljön")
        .Rubrik3("Samtal")
        .Stycke("Medarbetarsamtal hålls varje år.")
        .Rubrik2("Kommunikation")
        .Punkter("Kommunicera mål och beslut", "Lyssna in synpunkter")
        .Rubrik1("Förväntningar på arbetsgivaren")
        .Stycke("Som chef kan du förvänta dig")
        .Punkter("Ett tydligt uppdrag", "Stöd från HR och ekonomi", "Ledarutveckling")
        .Rubrik1("Uppföljning")
        .Stycke("Policyn följs upp vart fjärde år av kommunstyrelsen.")
        .Tabell(["Vad", "När"], ["Medarbetarenkät", "Varje år"]);

    [Fact]
    public void RealistiskPolicyMedTreOmradenBlirEttUtkastMedKravAvsnittOchTitel()
    {
        var resultat = Las(RealistiskPolicy().Bytes());

        Assert.True(resultat.Lyckades, string.Join(" ", resultat.Fel));
        var utkast = resultat.Utkast!;
        Assert.Equal("Ledarskapspolicy för Testby kommun", utkast.Titel);
        Assert.Equal("Ledarskapspolicy", utkast.Dokumenttyp);
        Assert.Equal("Testby kommun", utkast.Kommun);
        Assert.StartsWith("Policyn beskriver vad Testby kommun", utkast.Sammanfattning);
        Assert.Equal(["Verksamhet och resultat", "Medarbetarskap", "Kommunikation"], utkast.Kompetensomraden.Select(a => a.Namn));
        Assert.Equal(["Leda verksamheten mot uppsatta mål", "Följa upp ekonomi och kvalitet", "Driva utveckling tillsammans med medarbetarna"],
            utkast.Kompetensomraden[0].Krav.Select(k => k.Text));
        Assert.Equal("Chefen leder verksamheten mot målen.", utkast.Kompetensomraden[0].Beskrivning);
        Assert.Equal(["Skapa delaktighet och tillit", "Ge återkoppling: tydligt och ofta", "Ta ansvar för arbetsmiljön"],
            utkast.Kompetensomraden[1].Krav.Select(k => k.Text));
        Assert.Equal(2, utkast.Kompetensomraden[2].Krav.Count);
        Assert.All(utkast.Kompetensomraden.SelectMany(a => a.Krav), k => Assert.Matches("^[a-z0-9-]+-[0-9]+$", k.Id));
        Assert.Equal(["Ett tydligt uppdrag", "Stöd från HR och ekonomi", "Ledarutveckling"], utkast.ForvantningarPaArbetsgivaren);
        Assert.Equal(["Policyn följs upp vart fjärde år av kommunstyrelsen."], utkast.Uppfoljning);
        Assert.Equal(["Inledning", "Chefens uppdrag", "Verksamhet och resultat", "Medarbetarskap", "Kommunikation", "Förväntningar på arbetsgivaren", "Uppföljning"],
            utkast.Avsnitt.Select(s => s.Rubrik));
        Assert.StartsWith("Policyn beskriver vad Testby kommun", utkast.Avsnitt[0].Markdown); // text before the first heading opens "Inledning"
        Assert.EndsWith("\n\nLedarskapet är avgörande för verksamhetens kvalitet.\n\nAlla chefer omfattas av policyn.", utkast.Avsnitt[0].Markdown);
        Assert.Contains("- Skapa delaktighet och tillit\n- Ge återkoppling: tydligt och ofta", utkast.Avsnitt[3].Markdown);
        Assert.Contains("### Samtal", utkast.Avsnitt[3].Markdown);
        Assert.Contains("| Medarbetarenkät | Varje år |", utkast.Avsnitt[6].Markdown);
        Assert.Equal("Kommunfullmäktige", utkast.AntagenAv);
        Assert.Equal(new DateOnly(2024, 3, 18), utkast.AntagenDatum);
        Assert.Equal("§42", utkast.Paragraf);
        Assert.Equal("Dnr KS 2023/117", utkast.Diarienummer);
        Assert.Empty(resultat.Varningar);

        var policy = utkast.Validera("testby");
        Assert.Equal(8, policy.AllaKrav.Count());
        Assert.DoesNotContain(".docx", policy.Kalla + policy.TextMarkdown, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PolicyDocx.Kalla, policy.Kalla);
    }

    [Fact]
    public void SvenskaStilIdnOchStilarnasInbyggdaNamnKannsIgen()
    {
        var svenska = Las(RealistiskPolicy(new DocxBygge("Rubrik", "Rubrik1", "Rubrik2")).Bytes()).Utkast!;
        var egnaId = Las(RealistiskPolicy(new DocxBygge("a", "a1", "a2")).Bytes()).Utkast!;

        foreach (var utkast in new[] { svenska, egnaId })
        {
            Assert.Equal("Ledarskapspolicy för Testby kommun", utkast.Titel);
            Assert.Equal(3, utkast.Kompetensomraden.Count);
            Assert.Equal(7, utkast.Avsnitt.Count);
        }
    }

    [Fact]
    public void UnderrubrikerMedListorGerEttOmradeVarOchBeslutsradenArIngenSammanfattning()
    {
        var bytes = new DocxBygge()
            .Titel("Ledningspolicy")
            .Stycke("Antagen av kommunfullmäktige 2019-05-27 § 81")
            .Stycke("Policyn beskriver ledarskapet i kommunen.")
            .Rubrik1("Krav på chefer")
            .Stycke("Kommunen har fyra kompetensområden.")
            .Rubrik3("Verksamhetskompetens")
            .Punkter("Leda mot målen", "Känna verksamheten")
            .Rubrik3("Social kompetens")
            .Stycke("Chefen bygger relationer.")
            .Punkter("Lyssna", "Ge återkoppling")
            .Rubrik3("Om området")
            .Stycke("Bara text här.")
            .Bytes();

        var utkast = Las(bytes).Utkast!;

        Assert.Equal("Policyn beskriver ledarskapet i kommunen.", utkast.Sammanfattning);
        Assert.Equal(new DateOnly(2019, 5, 27), utkast.AntagenDatum);
        Assert.Equal(["Verksamhetskompetens", "Social kompetens"], utkast.Kompetensomraden.Select(a => a.Namn));
        Assert.Equal(["Lyssna", "Ge återkoppling"], utkast.Kompetensomraden[1].Krav.Select(k => k.Text));
        Assert.Equal("Chefen bygger relationer.", utkast.Kompetensomraden[1].Beskrivning);
        Assert.Equal(["verksamhetskompetens-1", "verksamhetskompetens-2", "social-kompetens-1", "social-kompetens-2"],
            utkast.Kompetensomraden.SelectMany(a => a.Krav).Select(k => k.Id));
        Assert.Equal("Krav på chefer", utkast.Avsnitt.Last().Rubrik);
    }

    [Fact]
    public void DokumentUtanKravlistorGerUtkastMedVarning()
    {
        var bytes = new DocxBygge().Titel("Ledarplan").Stycke("Om ledarskap.").Rubrik1("Bakgrund").Stycke("Text utan listor.").Bytes();

        var resultat = Las(bytes);

        Assert.True(resultat.Lyckades);
        Assert.Equal("Ledarplan", resultat.Utkast!.Dokumenttyp);
        Assert.Empty(resultat.Utkast.Kompetensomraden);
        Assert.Contains(resultat.Varningar, v => v.Contains("Inga kravlistor hittades"));
        var ex = Assert.Throws<PolicyFormatException>(() => resultat.Utkast.Validera("testby"));
        Assert.Contains("saknar krav", ex.Message);
    }

    [Theory]
    [InlineData("Kalix kommuns Ledarplan", "Ledarplan")]
    [InlineData("Chefs- och ledningspolicy", "Chefs- och ledningspolicy")]
    [InlineData("Ledningspolicy för Vindelns kommun", "Ledningspolicy")]
    [InlineData("Riktlinjer för chefer", "Ledarpolicy")]
    public void DokumenttypenGissasAvTiteln(string titel, string typ) => Assert.Equal(typ, PolicyDocx.GissaDokumenttyp(titel));

    [Fact]
    public void EnFilPa50MbAvvisasUtanAttLasas()
    {
        var strom = new NollStrom(50L * 1024 * 1024, sokbar: true);

        var resultat = PolicyDocx.Las(strom, "Testby kommun");

        Assert.False(resultat.Lyckades);
        Assert.Contains("större än 20 MB", Assert.Single(resultat.Fel));
        Assert.Equal(0, strom.Last);
    }

    [Fact]
    public void EnStorFilUtanKandLangdAvvisasVidGransen()
    {
        var strom = new NollStrom(50L * 1024 * 1024, sokbar: false);

        var resultat = PolicyDocx.Las(strom, "Testby kommun");

        Assert.Contains("större än 20 MB", Assert.Single(resultat.Fel));
        Assert.True(strom.Last <= PolicyDocx.MaxStorlek + 81920);
    }

    [Theory]
    [InlineData("Det här är en textfil som döpts om till policy.docx.\n")]
    [InlineData("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n")]
    [InlineData("PK\u0003\u0004 trasig zip")]
    public void EnOmdoptFilSomInteArWordAvvisas(string innehall)
    {
        var resultat = Las(Encoding.Latin1.GetBytes(innehall));

        Assert.False(resultat.Lyckades);
        Assert.Contains("inte ett Word-dokument (.docx)", Assert.Single(resultat.Fel));
    }

    [Fact]
    public void EnZipSomInteArWordAvvisas()
    {
        var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            using (var w = new StreamWriter(zip.CreateEntry("policy.txt").Open())) w.Write("Ledarpolicy");

        Assert.Contains("inte ett Word-dokument", Assert.Single(Las(ms.ToArray()).Fel));
    }

    [Fact]
    public void EttDokumentMedMakronAvvisas()
    {
        var docm = RealistiskPolicy().Bytes(WordprocessingDocumentType.MacroEnabledDocument);
        var vbaInuti = DocxBygge.MedExtraDel(RealistiskPolicy().Bytes(), "word/vbaProject.bin", 2048);

        foreach (var bytes in new[] { docm, vbaInuti })
        {
            var resultat = Las(bytes);
            Assert.False(resultat.Lyckades);
            Assert.StartsWith("Dokumentet innehåller makron och tas inte emot", Assert.Single(resultat.Fel));
        }
    }

    [Fact]
    public void EnZipbombAvvisasInnanDenPackasUpp()
    {
        var bomb = DocxBygge.MedExtraDel(RealistiskPolicy().Bytes(), "word/media/bild.bin", PolicyDocx.MaxUppackadStorlek + 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024, "bomben ska vara liten packad");

        var resultat = Las(bomb);

        Assert.False(resultat.Lyckades);
        Assert.Contains("packas upp till mer än 100 MB", Assert.Single(resultat.Fel));
    }

    [Fact]
    public void EnZipbombSomLjugerOmSinStorlekAvvisasUtanAttPackasUpp()
    {
        // The text part itself padded with 150 MB of whitespace, its declared size then rewritten to 1 kB: the check of
        // declared sizes passes, and reading it must stop at the per-part limit.
        var ms = new MemoryStream();
        ms.Write(RealistiskPolicy().Bytes());
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.Optimal).Open());
            var slut = xml.LastIndexOf("</w:body>", StringComparison.Ordinal);
            w.Write(xml[..slut]);
            var mellanrum = new string(' ', 1024 * 1024);
            for (var i = 0; i < 150; i++) w.Write(mellanrum);
            w.Write(xml[slut..]);
        }
        var bomb = ms.ToArray();
        SkrivOmDekleradStorlek(bomb, "word/document.xml", 1024);

        var resultat = Las(bomb);

        Assert.False(resultat.Lyckades);
        Assert.Contains("inte ett Word-dokument", Assert.Single(resultat.Fel)); // a part that is not what it says is a damaged file
    }

    private static void SkrivOmDekleradStorlek(byte[] zip, string namn, uint storlek)
    {
        var namnBytes = Encoding.UTF8.GetBytes(namn);
        var antal = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
            var lokal = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
            if (!central && !lokal) continue;
            var (langdVid, namnVid, storlekVid) = central ? (28, 46, 24) : (26, 30, 22);
            var langd = BitConverter.ToUInt16(zip, i + langdVid);
            if (langd != namnBytes.Length || !zip.AsSpan(i + namnVid, langd).SequenceEqual(namnBytes)) continue;
            BitConverter.TryWriteBytes(zip.AsSpan(i + storlekVid, 4), storlek);
            antal++;
        }
        Assert.Equal(2, antal);
    }

    [Fact]
    public void EttLosenordsskyddatDokumentAvvisasMedBesked()
    {
        // An encrypted .docx is an OLE compound file with the streams EncryptionInfo and EncryptedPackage.
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(new byte[504])
            .Concat(Encoding.Unicode.GetBytes("EncryptionInfo")).Concat(new byte[50])
            .Concat(Encoding.Unicode.GetBytes("EncryptedPackage")).Concat(new byte[512]).ToArray();

        var resultat = Las(ole);

        Assert.False(resultat.Lyckades);
        Assert.Contains("skyddat med lösenord", Assert.Single(resultat.Fel));
    }

    [Fact]
    public void EttGammaltWorddokumentAvvisasMedBesked()
    {
        var doc = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(Encoding.Unicode.GetBytes("WordDocument")).Concat(new byte[1000]).ToArray();

        Assert.Contains("äldre Word-formatet (.doc)", Assert.Single(Las(doc).Fel));
    }

    [Fact]
    public void EnTomFilAvvisas() => Assert.Equal("Filen är tom.", Assert.Single(Las([]).Fel));

    [Theory]
    [MemberData(nameof(PolicyUtkastTests.Kommuner), MemberType = typeof(PolicyUtkastTests))]
    public void VarjePolicySkrivenSomWordGerSammaKravISammaOrdning(string kommunId)
    {
        var policy = PolicyUtkastTests.Library.Get(kommunId);
        var bygge = new DocxBygge().Titel(policy.Titel).Stycke(policy.Sammanfattning);
        foreach (var s in policy.Avsnitt)
        {
            bygge.Rubrik1(s.Rubrik);
            foreach (var rad in s.Markdown.Split('\n').Select(r => Regex.Replace(r, @"^(#+|[-*]|\d+\.)\s+", "").Trim()).Where(r => r.Length > 0))
                bygge.Stycke(rad);
        }
        foreach (var a in policy.Kompetensomraden)
        {
            bygge.Rubrik2(a.Namn);
            if (a.Beskrivning is { } b) bygge.Stycke(b);
            bygge.Punkter(a.Krav.Select(k => k.Text));
        }

        var resultat = Las(bygge.Bytes());

        Assert.True(resultat.Lyckades, string.Join(" ", resultat.Fel));
        var utkast = resultat.Utkast!;
        Assert.Equal(policy.Titel, utkast.Titel);
        Assert.Equal(policy.Kompetensomraden.Select(a => a.Namn), utkast.Kompetensomraden.Select(a => a.Namn));
        Assert.Equal(policy.AllaKrav.Select(k => k.Text), utkast.Kompetensomraden.SelectMany(a => a.Krav).Select(k => k.Text));
        // The summary written under the title is text before the first heading: an "Inledning" of its own where the policy has none.
        var rubriker = utkast.Avsnitt.Select(s => s.Rubrik).Skip(policy.Avsnitt[0].Rubrik == "Inledning" ? 0 : 1);
        Assert.Equal(policy.Avsnitt.Select(s => s.Rubrik), rubriker.Take(policy.Avsnitt.Count));
    }
}
