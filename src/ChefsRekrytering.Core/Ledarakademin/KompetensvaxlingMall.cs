using ChefsRekrytering.Policies;

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

    public static KompetensvaxlingMall LoadFrom(string path) => File.Exists(path)
        ? new(MallFil.LasPunkter<MallPunkt>(path, "Mallen för kompetensväxling", p => p.Rubrik))
        : throw new InvalidOperationException($"Mallen för kompetensväxling saknas: {path}.");
}
