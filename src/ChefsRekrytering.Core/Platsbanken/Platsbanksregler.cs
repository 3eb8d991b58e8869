using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Platsbanken;

/// <summary>
/// What Platsbanken requires of an advert, checked by the portal before anything is sent so HR sees the reason at once
/// (the API says the same later, field by field). Sources: Arbetsförmedlingen's "Direct Transferred Job Posting API"
/// documentation (data.arbetsformedlingen.se/documents/jobposting/DirectTransferredJobPostingAPIdocumentation.pdf, not
/// readable from here) as a public integration quotes and enforces it: title at most 75 characters, description
/// 100–6,500 characters, last publish date 1–180 days ahead, an occupation, a municipality and a five-digit postal code.
/// Employment type, duration, working-time extent and wage type are required here as the brief asks (the integration
/// always sends them).
/// </summary>
public static class Platsbanksregler
{
    public const int TitelMax = 75;
    public const int TextMin = 100;
    public const int TextMax = 6500;
    public const int DagarFramMax = 180;

    public static List<string> Hinder(Rekrytering r, DateOnly idag)
    {
        var fel = new List<string>();
        var titel = r.Titel.Trim();
        if (titel.Length > TitelMax)
            fel.Add($"Befattningen är {titel.Length} tecken; Platsbanken tar högst {TitelMax}. Korta befattningen under Behov.");
        var text = r.Annonstext.Trim();
        if (text.Length < TextMin) fel.Add($"Annonstexten är {text.Length} tecken; Platsbanken kräver minst {TextMin}.");
        if (text.Length > TextMax) fel.Add($"Annonstexten är {text.Length} tecken; Platsbanken tar högst {TextMax}.");
        if (r.SistaAnsokningsdag is not { } sista) fel.Add("Ange sista ansökningsdag.");
        else if (sista > idag.AddDays(DagarFramMax)) fel.Add($"Sista ansökningsdag får ligga högst {DagarFramMax} dagar fram för Platsbanken.");
        else if (sista < idag.AddDays(1)) fel.Add("Sista ansökningsdag ska ligga minst en dag fram för Platsbanken.");
        if (string.IsNullOrWhiteSpace(r.YrkeBegrepp)) fel.Add("Välj yrke för Platsbanken.");
        if (string.IsNullOrWhiteSpace(r.KommunBegrepp)) fel.Add("Välj kommun för arbetsplatsen.");
        if (string.IsNullOrWhiteSpace(r.AnstallningstypBegrepp)) fel.Add("Välj anställningstyp.");
        if (string.IsNullOrWhiteSpace(r.VaraktighetBegrepp)) fel.Add("Välj varaktighet.");
        if (string.IsNullOrWhiteSpace(r.ArbetstidBegrepp)) fel.Add("Välj arbetstid (heltid eller deltid).");
        if (string.IsNullOrWhiteSpace(r.LonetypBegrepp)) fel.Add("Välj lönetyp.");
        if (r.ArbetsplatsPostnummer is not { Length: 5 } postnummer || !postnummer.All(char.IsAsciiDigit))
            fel.Add("Ange arbetsplatsens postnummer med fem siffror.");
        if (string.IsNullOrWhiteSpace(r.ArbetsplatsOrt)) fel.Add("Ange arbetsplatsens ort.");
        return fel;
    }

    /// <summary>A postal code as typed ("952 31") as the API wants it ("95231").</summary>
    public static string? Postnummer(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null : new string(typed.Where(c => !char.IsWhiteSpace(c)).ToArray());
}

/// <summary>What the advert form sends for Platsbanken: concept ids chosen by label, and the workplace address.</summary>
public sealed record Platsbanksfalt(string? Yrke, string? Kommun, string? Anstallningstyp, string? Varaktighet, string? Arbetstid,
    string? Lonetyp, string? Gatuadress, string? Postnummer, string? Ort)
{
    public void Tillampa(Rekrytering r)
    {
        r.YrkeBegrepp = Trimmad(Yrke);
        r.KommunBegrepp = Trimmad(Kommun);
        r.AnstallningstypBegrepp = Trimmad(Anstallningstyp);
        r.VaraktighetBegrepp = Trimmad(Varaktighet);
        r.ArbetstidBegrepp = Trimmad(Arbetstid);
        r.LonetypBegrepp = Trimmad(Lonetyp);
        r.ArbetsplatsGatuadress = Trimmad(Gatuadress);
        r.ArbetsplatsPostnummer = Platsbanksregler.Postnummer(Postnummer);
        r.ArbetsplatsOrt = Trimmad(Ort);
    }

    /// <summary>The stored choices, or a proposal from the need where none is stored (a permanent full-time post in the
    /// recruitment's own municipality, fixed pay).</summary>
    public static Platsbanksfalt Fran(Rekrytering r) => new(
        r.YrkeBegrepp,
        r.KommunBegrepp ?? Platsbankstaxonomi.Kommuner.GetValueOrDefault(r.KommunId)?.Id,
        r.AnstallningstypBegrepp ?? Platsbankstaxonomi.Anstallningstyper[0].Id,
        r.VaraktighetBegrepp ?? (r.Anstallningsform == Anstallningsform.Tillsvidare ? Platsbankstaxonomi.Varaktigheter[0].Id : null),
        r.ArbetstidBegrepp ?? (r.Omfattning == 100 ? Platsbankstaxonomi.Arbetstider[0].Id : Platsbankstaxonomi.Arbetstider[1].Id),
        r.LonetypBegrepp ?? Platsbankstaxonomi.Lonetyper[0].Id,
        r.ArbetsplatsGatuadress, r.ArbetsplatsPostnummer, r.ArbetsplatsOrt);

    private static string? Trimmad(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
