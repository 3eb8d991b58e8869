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
    /// <summary>Accounts and their roles, and requests for a role that needs a second person (ObjectId: the person, else 0).</summary>
    public const string Behorighet = "Behorighet";
    /// <summary>Units, their chefs, employees added and employees who have left (ObjectId: the unit or the person).</summary>
    public const string Organisation = "Organisation";
    /// <summary>A municipality added to the portal by the portal administrator (ObjectId 0; the municipality in the detail).</summary>
    public const string Kommun = "Kommun";
    /// <summary>Not an audit entry: the search's name for the processes' transitions (WorkflowTransition), every process.</summary>
    public const string Steg = "Steg";

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
        [Behorighet] = "Konton och roller",
        [Organisation] = "Organisationen (enheter, chefer, anställda)",
        [Kommun] = "Kommuner i portalen",
        [Steg] = "Steg i en process (alla processer)",
    };

    public static string NamnPa(string objectType) => Namn.GetValueOrDefault(objectType, objectType);

    /// <summary>The processes whose transitions the search shows, by the name stored with each transition, with their
    /// state enums so a step reads in Swedish. A process not listed (added later) shows its stored names.</summary>
    public static readonly IReadOnlyDictionary<string, (string Namn, Type Tillstand)> Processer = new Dictionary<string, (string, Type)>
    {
        ["Rekrytering"] = ("Rekrytering", typeof(Rekryteringar.RekryteringsTillstand)),
        ["Kandidat"] = ("Sökande", typeof(Rekryteringar.KandidatTillstand)),
        ["Introduktion"] = ("Introduktion", typeof(Introduktioner.IntroduktionTillstand)),
        ["Avveckling"] = ("Avvecklingsärende", typeof(Avvecklingar.AvvecklingTillstand)),
        ["Uppdragskontrakt"] = ("Uppdragskontrakt", typeof(Ledarskap.UppdragskontraktTillstand)),
        ["Sjalvskattning"] = ("Självskattning", typeof(Ledarskap.SjalvskattningTillstand)),
        ["AretsChef"] = ("Årets chef", typeof(AretsChef.KampanjTillstand)),
    };

    /// <summary>A stored state name as a person reads it: the enum value's [Display] name where the process is known.</summary>
    public static string Tillstand(string workflow, string state) =>
        Processer.TryGetValue(workflow, out var p) && Enum.TryParse(p.Tillstand, state, out var value)
            && p.Tillstand.GetField(value!.ToString()!)?.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), false)
                .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>().FirstOrDefault()?.GetName() is { } namn
            ? namn : state;

    public static string ProcessNamn(string workflow) => Processer.TryGetValue(workflow, out var p) ? p.Namn : workflow;
}
