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

    public string Namn => $"{Fornamn} {Efternamn}";
}
