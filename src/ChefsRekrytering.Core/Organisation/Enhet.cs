using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Organisation;

public enum EnhetTyp { Kommunledning, Forvaltning, Avdelning, Enhet }

/// <summary>A node in the org tree (kommunledning, förvaltning, enhet). Each has a chef.</summary>
public class Enhet : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public required string Namn { get; set; }
    public EnhetTyp Typ { get; set; } = EnhetTyp.Enhet;
    public int? OverordnadId { get; set; }
    public Enhet? Overordnad { get; set; }
    public int? ChefId { get; set; }
    public Person? Chef { get; set; }
}
