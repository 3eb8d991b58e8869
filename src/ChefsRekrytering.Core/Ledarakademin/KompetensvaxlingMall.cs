using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Ledarakademin;

/// <summary>The knowledge-transfer checklist (content/templates/kompetensvaxling.yaml), loaded and checked at start-up
/// so a broken file stops the start rather than the first manager who leaves.</summary>
public sealed class KompetensvaxlingMall
{
    public const string Vad = "Mallen för kompetensväxling";

    /// <summary>The file's items: version 1 of every municipality's template.</summary>
    public IReadOnlyList<MallPunkt> Punkter { get; }
    /// <summary>The file's text, as HR sees version 1.</summary>
    public string Text { get; }

    private KompetensvaxlingMall(IReadOnlyList<MallPunkt> punkter, string text) => (Punkter, Text) = (punkter, text);

    /// <summary>A text typed by HR: its items, or the reasons it cannot be used.</summary>
    public static (List<MallPunkt>? Punkter, IReadOnlyList<string> Fel) Granska(string? yaml) => MallFil.Granska<MallPunkt>(yaml, p => p.Rubrik);

    public sealed class MallPunkt
    {
        public string Rubrik { get; set; } = "";
        public string? Beskrivning { get; set; }
    }

    public static KompetensvaxlingMall LoadFrom(string path) => File.Exists(path)
        ? new(MallFil.LasPunkter<MallPunkt>(path, Vad, p => p.Rubrik), File.ReadAllText(path))
        : throw new InvalidOperationException($"Mallen för kompetensväxling saknas: {path}.");
}
