namespace ChefsRekrytering.Web.Pages.Personuppgifter;

/// <summary>
/// The privacy notice's contact details, per deployment (section "Personuppgifter"): each municipality's data
/// protection officer and where to ask about one's data, under Kommuner:{id}. A municipality not listed gets the
/// defaults, which send the reader to the municipality itself rather than to an address that may be wrong.
/// </summary>
public sealed class PersonuppgifterOptions
{
    public const string Section = "Personuppgifter";

    public Dictionary<string, Kontakt> Kommuner { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Kontakt Standard { get; set; } = new();

    public Kontakt For(string kommunId) => Kommuner.TryGetValue(kommunId, out var k) ? k : Standard;

    public sealed class Kontakt
    {
        /// <summary>How to reach the data protection officer: an e-mail address, or words when null.</summary>
        public string? DataskyddsombudEpost { get; set; }
        /// <summary>Where applicants ask for their data or a correction: an e-mail address, or words when null.</summary>
        public string? KontaktEpost { get; set; }
    }
}
