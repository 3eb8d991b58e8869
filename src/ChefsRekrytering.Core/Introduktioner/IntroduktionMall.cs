using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Introduktioner;

/// <summary>The introduction checklist template of a municipality (content/templates/introduktion/&lt;kommun&gt;.yaml,
/// else standard.yaml), loaded and checked at start-up. This is version 1 of the municipality's template; HR's saved
/// versions (<see cref="Notifications.Listmallkalla"/>) come after it.</summary>
public sealed class IntroduktionMallar
{
    public const string Vad = "Introduktionsmallen";

    private readonly Dictionary<string, (string Text, IReadOnlyList<MallPunkt> Punkter)> _byKommun;
    private readonly (string Text, IReadOnlyList<MallPunkt> Punkter) _standard;

    private IntroduktionMallar(Dictionary<string, (string, IReadOnlyList<MallPunkt>)> byKommun, (string, IReadOnlyList<MallPunkt>) standard)
    {
        _byKommun = byKommun;
        _standard = standard;
    }

    /// <summary>The file's items: the municipality's own file where it has one, else standard.yaml.</summary>
    public IReadOnlyList<MallPunkt> For(string kommunId) => Fil(kommunId).Punkter;

    /// <summary>The file's text, as HR sees version 1.</summary>
    public string FilText(string kommunId) => Fil(kommunId).Text;

    private (string Text, IReadOnlyList<MallPunkt> Punkter) Fil(string kommunId) => _byKommun.TryGetValue(kommunId, out var f) ? f : _standard;

    /// <summary>A text typed by HR: its items, or the reasons it cannot be used.</summary>
    public static (List<MallPunkt>? Punkter, IReadOnlyList<string> Fel) Granska(string? yaml) => MallFil.Granska<MallPunkt>(yaml, p => p.Rubrik);

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
            f => (File.ReadAllText(f), (IReadOnlyList<MallPunkt>)MallFil.LasPunkter<MallPunkt>(f, Vad, p => p.Rubrik)));
        if (!files.Remove("standard", out var standard))
            throw new InvalidOperationException($"Introduktionsmallen standard.yaml saknas i {folder}.");
        return new IntroduktionMallar(files, standard);
    }
}
