namespace ChefsRekrytering.Rekryteringar;

/// <summary>
/// What an applicant is told about their personal data and accepts before applying. Each candidate stores the
/// <see cref="Version"/> they accepted: change the version whenever the text changes, so it stays known who read what.
/// </summary>
public static class Samtycke
{
    public const string Version = "2026-11-v1";

    /// <summary>The default of how long after the hiring decision applicants' data is kept before gallring (discrimination
    /// claims); a deployment sets its own with Gallring:ManaderEfterBeslut, and the text says that number.</summary>
    public const int LagringManader = 24;

    public static IReadOnlyList<string> Text(string kommun, int lagringManader = LagringManader) =>
    [
        $"Din ansökan och de handlingar du skickar in blir allmänna handlingar hos {kommun}. Enligt offentlighetsprincipen " +
        "kan vem som helst begära att få läsa dem. Innan något lämnas ut prövar kommunen om uppgifterna omfattas av sekretess.",
        $"{kommun} är personuppgiftsansvarig för dina uppgifter och använder dem bara i den här rekryteringen.",
        $"Dina personuppgifter sparas i {lagringManader} månader efter beslutet om anställning, så att beslutet kan prövas " +
        "om någon begär det. Därefter raderas de. Om du återtar din ansökan gäller samma tid, eftersom handlingarna redan är allmänna.",
        "Du har rätt att få veta vilka uppgifter kommunen har om dig och att begära att felaktiga uppgifter rättas.",
    ];

    public static string Bekraftelse(string kommun) =>
        $"Jag har läst informationen och godkänner att {kommun} behandlar mina personuppgifter i den här rekryteringen.";
}
