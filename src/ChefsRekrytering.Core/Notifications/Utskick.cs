namespace ChefsRekrytering.Notifications;

/// <summary>How much of a mail Admin's mail view may show.</summary>
public enum Insyn
{
    /// <summary>Only that a mail of this kind was sent, and how delivery went: it concerns an applicant, a confidential
    /// case, a meeting or a nomination, and its recipient alone could tell who applied, who is concerned or who nominated.</summary>
    BaraStatus,
    /// <summary>Recipient and subject as well, to trace a delivery: work mail between employees whose content is theirs.</summary>
    Mottagare,
    /// <summary>Everything (with private links hidden): mail with nothing confidential, such as a test mail or an invitation to all.</summary>
    Allt,
}

/// <summary>
/// The kinds of mail the portal sends, told by the topic each is stored with, and what Admin may see of each. Deny by
/// default: a kind not named here shows only its delivery status.
/// </summary>
public static partial class Utskick
{
    /// <summary>
    /// An applicant's private link and a new manager's choose-a-password link are keys, meant for the recipient only:
    /// Admin sees that a mail carried one, never the key itself, and the delivered file (which has it) is not offered.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(/ansokan/)[^\s""'<>&?#]+|([?&](?:amp;)?token=)[^\s""'<>&]+")]
    private static partial System.Text.RegularExpressions.Regex HemligNyckel();

    public const string Dold = "[dold]";

    public static bool HarHemligLank(OutboxMessage m) => HemligNyckel().IsMatch(m.TextBody) || HemligNyckel().IsMatch(m.HtmlBody);

    public static string UtanNycklar(string text) => HemligNyckel().Replace(text, x => (x.Groups[1].Success ? x.Groups[1].Value : x.Groups[2].Value) + Dold);

    public static Insyn InsynFor(string topic) => Prefix(topic) switch
    {
        "Testmejl" or "Konto" or "Rollbegaran" => Insyn.Allt,
        "AretsChef" when topic.EndsWith(":Inbjudan", StringComparison.Ordinal) => Insyn.Allt,
        "Aterkoppling" when topic.EndsWith(":Inbjudan", StringComparison.Ordinal) => Insyn.Allt,
        "Introduktion" or "IntroduktionPunkt" or "Uppdragskontrakt" or "Rekrytering" => Insyn.Mottagare,
        _ => Insyn.BaraStatus,
    };

    /// <summary>The kind of mail in Swedish, for a list that may show nothing else of it.</summary>
    public static string Slag(string topic) => Prefix(topic) switch
    {
        "Testmejl" => "Testmejl",
        "Konto" => "Nytt konto",
        "Rollbegaran" => "Roll som väntar på godkännande",
        "AretsChef" when topic.EndsWith(":Inbjudan", StringComparison.Ordinal) => "Årets chef: inbjudan",
        "AretsChef" when topic.EndsWith(":Nominering", StringComparison.Ordinal) => "Årets chef: bekräftelse till den som nominerat",
        "AretsChef" when topic.EndsWith(":Vinnare", StringComparison.Ordinal) => "Årets chef: till vinnaren",
        "AretsChef" => "Årets chef",
        "Aterkoppling" when topic.EndsWith(":Inbjudan", StringComparison.Ordinal) => "Återkoppling till chefen: inbjudan",
        "Introduktion" => "Välkommen som ny chef",
        "IntroduktionPunkt" => "Påminnelse i en introduktion",
        "Uppdragskontrakt" => "Uppdragskontrakt",
        "Kandidat" => "Till en sökande",
        "Rekrytering" => "Rekrytering: nästa steg",
        "Mote" => "Kallelse till möte",
        "Avveckling" => "Avvecklingsärende",
        _ => "Övrigt",
    };

    private static string Prefix(string topic) => topic.Split(':', 2)[0];
}
