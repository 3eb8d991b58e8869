namespace ChefsRekrytering.Web.Pages.Tillganglighet;

/// <summary>
/// The accessibility statement's facts, per deployment (section "Tillganglighet"), as DIGG's model statement asks:
/// who stands behind the site, how far it complies, the known shortcomings, where to report them and when it was last
/// reviewed. The defaults describe this portal as its makers last reviewed it; a deployment that reviews it again, or
/// answers reports at its own address, says so here.
/// </summary>
public sealed class TillganglighetOptions
{
    public const string Section = "Tillganglighet";

    /// <summary>Who stands behind the site (the organisation running this deployment).</summary>
    public string Organisation { get; set; } = "Kommunerna som använder ChefsRekrytering";

    /// <summary>"förenlig", "delvis förenlig" or "inte förenlig" with the law (lagen (2018:1937) om tillgänglighet till digital offentlig service).</summary>
    public string Status { get; set; } = "delvis förenlig";

    /// <summary>Known shortcomings, each a sentence. Replacing the list replaces the defaults.</summary>
    public List<string> Brister { get; set; } =
    [
        "Flödesdiagrammen över rekryteringens och introduktionens steg är bilder. Samma steg finns som text på sidan, men diagrammen i sig går inte att läsa med skärmläsare.",
        "Dokument som användare laddar upp, till exempel CV, personliga brev och policydokument i Word eller PDF, granskas inte och kan vara otillgängliga.",
        "Webbplatsen finns bara på svenska.",
        "Webbplatsen har granskats med automatiska verktyg och för hand med tangentbord, men inte med alla hjälpmedel. Det kan finnas brister vi inte känner till.",
    ];

    /// <summary>Where reports and requests for inaccessible content go (an e-mail address).</summary>
    public string KontaktEpost { get; set; } = "tillganglighet@example.se";

    /// <summary>How soon someone answers, in words.</summary>
    public string Svarstid { get; set; } = "inom fem arbetsdagar";

    /// <summary>How the site was reviewed.</summary>
    public string Granskningsmetod { get; set; } = "Egen granskning: automatiska kontroller med axe på varje sida enligt WCAG 2.1 nivå AA, och manuell kontroll med tangentbord och förstoring.";

    public DateOnly SenastGranskad { get; set; } = new(2026, 11, 30);
    public DateOnly RedogorelsenUppdaterad { get; set; } = new(2026, 12, 3);
}
