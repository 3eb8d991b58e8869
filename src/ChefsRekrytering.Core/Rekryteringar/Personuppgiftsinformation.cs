namespace ChefsRekrytering.Rekryteringar;

/// <summary>
/// What an applicant is told about their personal data on the application form. A municipality recruits as a public
/// employer, so the legal basis is a task in the public interest and its legal obligations (GDPR art. 6.1 e and c),
/// not consent: the form informs and links the full privacy notice (/personuppgifter/{kommun}) and asks for no tick.
/// Each candidate stores the <see cref="Version"/> of the information shown (in <see cref="Kandidat.SamtyckeVersion"/>,
/// a column kept from when this was a consent): change the version whenever the text changes, so it stays known who
/// was told what.
/// </summary>
public static class Personuppgiftsinformation
{
    public const string Version = "2026-12-v2";

    /// <summary>The default of how long after the hiring decision applicants' data is kept before gallring (discrimination
    /// claims); a deployment sets its own with Gallring:ManaderEfterBeslut, and the text says that number.</summary>
    public const int LagringManader = 24;

    /// <summary>The legal basis, in the words both the form and the privacy notice use.</summary>
    public const string RattsligGrund =
        "Den rättsliga grunden är att behandlingen behövs för att utföra en uppgift av allmänt intresse och för att uppfylla " +
        "kommunens rättsliga förpliktelser som offentlig arbetsgivare (dataskyddsförordningen, artikel 6.1 e och c).";

    /// <summary>The same information in English, for an applicant who chose it; the version is the same, since it says the same.</summary>
    public static IReadOnlyList<string> Text(string kommun, int lagringManader, string sprak) => sprak != Sprak.Engelska ? Text(kommun, lagringManader) :
    [
        $"{kommun} is the controller of your personal data and uses it to recruit to the position. The legal basis is that " +
        "the processing is necessary for a task carried out in the public interest and for the municipality's legal obligations " +
        "as a public employer (General Data Protection Regulation, article 6.1 e and c). You therefore do not need to give your consent.",
        $"Your application and the documents you send become official documents at {kommun}. Under the principle of public access " +
        "to official records, anyone may ask to read them. Before anything is disclosed, the municipality examines whether the " +
        "information is subject to secrecy.",
        $"Your personal data is kept for {lagringManader} months after the decision to employ, so that the decision can be reviewed " +
        "if someone asks for it. After that it is deleted. If you withdraw your application the same period applies, since the documents are already official.",
        "You have the right to know what data the municipality holds about you and to ask for incorrect data to be corrected.",
    ];

    public static IReadOnlyList<string> Text(string kommun, int lagringManader = LagringManader) =>
    [
        $"{kommun} är personuppgiftsansvarig för dina uppgifter och använder dem för att rekrytera till tjänsten. " + RattsligGrund +
        " Du behöver därför inte lämna något samtycke.",
        $"Din ansökan och de handlingar du skickar in blir allmänna handlingar hos {kommun}. Enligt offentlighetsprincipen " +
        "kan vem som helst begära att få läsa dem. Innan något lämnas ut prövar kommunen om uppgifterna omfattas av sekretess.",
        $"Dina personuppgifter sparas i {lagringManader} månader efter beslutet om anställning, så att beslutet kan prövas " +
        "om någon begär det. Därefter raderas de. Om du återtar din ansökan gäller samma tid, eftersom handlingarna redan är allmänna.",
        "Du har rätt att få veta vilka uppgifter kommunen har om dig och att begära att felaktiga uppgifter rättas.",
    ];
}
