using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Ledarakademin;

/// <summary>
/// A manager's leaving and the knowledge transfer to their successor (Ledarakademin's fourth step): a planned last day
/// and a checklist from content/templates/kompetensvaxling.yaml. Done when every item is done.
/// </summary>
public class Kompetensvaxling : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    /// <summary>The manager who leaves.</summary>
    public int PersonId { get; set; }
    public DateOnly SistaDag { get; set; }
    /// <summary>Why the managership ends, in a few words. Seen only by those who see the manager's records (ChefAccess).</summary>
    public required string Anledning { get; set; }
    public required string StartadAv { get; set; }
    public DateTime StartadUtc { get; set; }
    public List<KompetensvaxlingPunkt> Punkter { get; set; } = [];

    public bool ArKlar => Punkter.Count > 0 && Punkter.All(p => p.KlarUtc is not null);

    /// <summary>Why a manager's last day cannot be this one, or null: from a year back (written down afterwards) to two
    /// years ahead. The same day ends an avveckling case and starts the transfer.</summary>
    public static string? SistaDagFel(DateOnly sistaDag, DateOnly idag)
    {
        var fonster = Calendar.Datumfonster.Kring(idag, 1, 2);
        return fonster.Rymmer(sistaDag) ? null : $"Sista dagen som chef ska ligga {fonster.Text}.";
    }
}

/// <summary>One thing the successor must receive (ongoing matters, budget, ...).</summary>
public class KompetensvaxlingPunkt : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KompetensvaxlingId { get; set; }
    public required string Rubrik { get; set; }
    public string? Beskrivning { get; set; }
    public int Ordning { get; set; }
    public DateTime? KlarUtc { get; set; }
    public string? KlarAv { get; set; }
}
