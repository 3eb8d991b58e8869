using System.ComponentModel.DataAnnotations;

namespace ChefsRekrytering.Aterkoppling;

public sealed class AterkopplingOptions
{
    public const string Section = "Aterkoppling";
    public const int LagstaTroskel = 3;

    /// <summary>A chef's (or a förvaltning's) result is shown only when at least this many have answered, so no one answer
    /// can be picked out. Below three the start is refused: two answers and your own tell the third.</summary>
    [Range(LagstaTroskel, 1000, ErrorMessage = "Aterkoppling:MinstaAntalSvar ska vara minst 3 (och högst 1000): med färre svar går det att räkna ut vad en enskild medarbetare svarade.")]
    public int MinstaAntalSvar { get; set; } = 5;

    /// <summary>Who answered a round is kept this many months after it closed, then gallrad (the answers stay: they are not linked to anyone).</summary>
    [Range(1, 120, ErrorMessage = "Aterkoppling:GallraDeltagandeEfterManader ska vara ett antal månader från 1 till 120.")]
    public int GallraDeltagandeEfterManader { get; set; } = 6;
}
