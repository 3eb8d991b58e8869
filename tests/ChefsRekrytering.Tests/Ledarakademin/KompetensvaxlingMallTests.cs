using ChefsRekrytering.Ledarakademin;

namespace ChefsRekrytering.Tests.Ledarakademin;

public class KompetensvaxlingMallTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "content", "templates", "kompetensvaxling.yaml");

    [Fact]
    public void MallenNamnerAlltEftertradarenSkaFa()
    {
        var rubriker = KompetensvaxlingMall.LoadFrom(Shipped).Punkter.Select(p => p.Rubrik).ToList();
        Assert.Equal(["Pågående ärenden", "Budget och ekonomi", "Personalärenden", "Arbetsmiljöärenden", "System och behörigheter", "Kontakter", "Dokument"], rubriker);
    }

    [Fact]
    public void PunktUtanRubrikStopparStartenMedFilOchPunkt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kompetensvaxling-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "punkter:\n  - rubrik: Budget\n  - beskrivning: utan rubrik\n");
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => KompetensvaxlingMall.LoadFrom(path));
            Assert.Contains("punkter[1].rubrik saknas", e.Message);
            Assert.Contains(Path.GetFileName(path), e.Message);
        }
        finally { File.Delete(path); }
    }
}
