using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Introduktioner;

/// <summary>The introduction checklist template of a municipality (content/templates/introduktion/&lt;kommun&gt;.yaml,
/// else standard.yaml), loaded and checked at start-up.</summary>
public sealed class IntroduktionMallar
{
    private readonly Dictionary<string, IReadOnlyList<MallPunkt>> _byKommun;
    private readonly IReadOnlyList<MallPunkt> _standard;

    private IntroduktionMallar(Dictionary<string, IReadOnlyList<MallPunkt>> byKommun, IReadOnlyList<MallPunkt> standard)
    {
        _byKommun = byKommun;
        _standard = standard;
    }

    public IReadOnlyList<MallPunkt> For(string kommunId) => _byKommun.GetValueOrDefault(kommunId) ?? _standard;

    public sealed class MallPunkt
    {
        public string Rubrik { get; set; } = "";
        public string? Beskrivning { get; set; }
        public PunktTyp Typ { get; set; } = PunktTyp.Ovrigt;
        public PunktAgare Agare { get; set; } = PunktAgare.NyChef;
        public int Dagar { get; set; }
        public bool Obligatorisk { get; set; } = true;
    }

    public static IntroduktionMallar LoadFrom(string folder)
    {
        var files = Directory.GetFiles(folder, "*.yaml").ToDictionary(f => Path.GetFileNameWithoutExtension(f),
            f => (IReadOnlyList<MallPunkt>)MallFil.LasPunkter<MallPunkt>(f, "Introduktionsmallen", p => p.Rubrik));
        if (!files.Remove("standard", out var standard))
            throw new InvalidOperationException($"Introduktionsmallen standard.yaml saknas i {folder}.");
        return new IntroduktionMallar(files, standard);
    }
}
