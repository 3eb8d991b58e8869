namespace ChefsRekrytering.Granskning;

/// <summary>The kinds of record the audit log names (<see cref="AuditEvent.ObjectType"/>), with what HR reads on the search page.</summary>
public static class Granskningsobjekt
{
    public const string Kandidat = "Kandidat";
    public const string Kandidatdokument = "Kandidatdokument";
    public const string Rekrytering = "Rekrytering";
    public const string Avveckling = "Avveckling";
    public const string Ledarakademin = "Ledarakademin";
    public const string Uppdragskontrakt = "Uppdragskontrakt";
    public const string Sjalvskattning = "Sjalvskattning";
    public const string Registerutdrag = "Registerutdrag";

    public static readonly IReadOnlyDictionary<string, string> Namn = new Dictionary<string, string>
    {
        [Kandidat] = "Sökande",
        [Kandidatdokument] = "Sökandes handling",
        [Rekrytering] = "Rekrytering",
        [Avveckling] = "Avvecklingsärende",
        [Ledarakademin] = "Ledarakademins spår",
        [Uppdragskontrakt] = "Uppdragskontrakt",
        [Sjalvskattning] = "Självskattning",
        [Registerutdrag] = "Registerutdrag och radering",
    };

    public static string NamnPa(string objectType) => Namn.GetValueOrDefault(objectType, objectType);
}
