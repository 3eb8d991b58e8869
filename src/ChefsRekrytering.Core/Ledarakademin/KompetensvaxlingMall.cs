using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChefsRekrytering.Ledarakademin;

/// <summary>The knowledge-transfer checklist (content/templates/kompetensvaxling.yaml), loaded and checked at start-up
/// so a broken file stops the start rather than the first manager who leaves.</summary>
public sealed class KompetensvaxlingMall
{
    public IReadOnlyList<MallPunkt> Punkter { get; }

    private KompetensvaxlingMall(IReadOnlyList<MallPunkt> punkter) => Punkter = punkter;

    public sealed class MallPunkt
    {
        public string Rubrik { get; set; } = "";
        public string? Beskrivning { get; set; }
    }

    private sealed class Fil
    {
        public List<MallPunkt> Punkter { get; set; } = [];
    }

    public static KompetensvaxlingMall LoadFrom(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new InvalidOperationException($"Mallen för kompetensväxling saknas: {path}.");
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        List<MallPunkt> items;
        try { items = yaml.Deserialize<Fil>(File.ReadAllText(path))?.Punkter ?? []; }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidOperationException($"Mallen '{name}' är felaktig (rad {e.Start.Line}): {e.InnerException?.Message ?? e.Message}");
        }
        if (items.Count == 0) throw new InvalidOperationException($"Mallen '{name}' har inga punkter.");
        var blank = items.FindIndex(i => string.IsNullOrWhiteSpace(i.Rubrik));
        if (blank >= 0) throw new InvalidOperationException($"Mallen '{name}': punkter[{blank}].rubrik saknas.");
        return new KompetensvaxlingMall(items);
    }
}
