using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Organisation;

/// <summary>An employee of the municipality, manager or not. A person may have a sign-in account.</summary>
public class Person : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public required string Fornamn { get; set; }
    public required string Efternamn { get; set; }
    public required string Epost { get; set; }
    public string? Telefon { get; set; }
    public string? Titel { get; set; }
    public int? EnhetId { get; set; }
    public Enhet? Enhet { get; set; }
    public bool Aktiv { get; set; } = true;
    /// <summary>The HR system's employee number: the stable key an import, SCIM and the identity provider link by
    /// (never the name). Unique within the municipality; null for people typed in before the HR system was connected.</summary>
    public string? Anstallningsnummer { get; set; }
    /// <summary>The last day of employment, as the HR system reports it; the person leaves the day after.</summary>
    public DateOnly? AnstallningSlutar { get; set; }

    public string Namn => $"{Fornamn} {Efternamn}";
}
