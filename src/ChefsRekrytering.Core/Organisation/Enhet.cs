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
    /// <summary>The HR system's unit code (kostnadsställe/organisationsenhet): the key an import links by. Unique within
    /// the municipality; null for units typed in by Admin.</summary>
    public string? Kod { get; set; }
    public int? OverordnadId { get; set; }
    public Enhet? Overordnad { get; set; }
    public int? ChefId { get; set; }
    public Person? Chef { get; set; }
    /// <summary>The day the present chef took over the unit, when the portal made the change (a new manager's start date,
    /// Admin's change of chef). Null when the unit was entered with the chef it already had: a chef from before the portal.</summary>
    public DateOnly? ChefSedan { get; set; }

    /// <summary>A new chef from <paramref name="sedan"/>, or vacant; the same chef again keeps the day they took over.</summary>
    public void BytChef(int? chefId, DateOnly sedan)
    {
        if (chefId == ChefId) return;
        ChefId = chefId;
        ChefSedan = chefId is null ? null : sedan;
    }
}
