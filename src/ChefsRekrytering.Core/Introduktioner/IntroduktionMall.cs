using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

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

    private sealed class Fil
    {
        public List<MallPunkt> Punkter { get; set; } = [];
    }

    public static IntroduktionMallar LoadFrom(string folder)
    {
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        IReadOnlyList<MallPunkt> Load(string path)
        {
            var name = Path.GetFileName(path);
            List<MallPunkt> items;
            try { items = yaml.Deserialize<Fil>(File.ReadAllText(path))?.Punkter ?? []; }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new InvalidOperationException($"Introduktionsmallen '{name}' är felaktig (rad {e.Start.Line}): {e.InnerException?.Message ?? e.Message}");
            }
            if (items.Count == 0) throw new InvalidOperationException($"Introduktionsmallen '{name}' har inga punkter.");
            var blank = items.FindIndex(i => string.IsNullOrWhiteSpace(i.Rubrik));
            if (blank >= 0) throw new InvalidOperationException($"Introduktionsmallen '{name}': punkter[{blank}].rubrik saknas.");
            return items;
        }
        var files = Directory.GetFiles(folder, "*.yaml").ToDictionary(f => Path.GetFileNameWithoutExtension(f), Load);
        if (!files.Remove("standard", out var standard))
            throw new InvalidOperationException($"Introduktionsmallen standard.yaml saknas i {folder}.");
        return new IntroduktionMallar(files, standard);
    }
}
