using ChefsRekrytering.Documents;

namespace ChefsRekrytering.Notifications.Mallar;

// The mails' models. Each class names a mail (or, where its model picks among variants, several): its text is a Liquid
// template HR can edit (content/templates/mejl/<nyckel>.liquid is version 1), and the catalogue in Mejlmallar.cs says
// which fields of the model a template may read. The callers build a model and call Outbox.EnqueueAsync<Mall, Mall.Innehall>.

public sealed class AnsokanMottagen : IMailTemplate<AnsokanMottagen.Innehall>
{
    public sealed record Innehall(string Namn, string Tjanst, string Diarienummer, string Kommun, DateTime InkomUtc,
        DateOnly SistaAnsokningsdag, IReadOnlyList<(DokumentTyp Typ, string Namn)> Dokument, string Lank);
    public static string Nyckel(Innehall model) => "ansokan-mottagen";
}

/// <summary>Confidential matters: the mail says only that there is something to look at, never what.</summary>
public sealed class ArendeNotis : IMailTemplate<ArendeNotis.Innehall>
{
    public sealed record Innehall(string Namn, string Text, string Lank);
    public static string Nyckel(Innehall model) => "arende-notis";
}

public sealed class AretsChefInbjudan : IMailTemplate<AretsChefInbjudan.Innehall>
{
    public sealed record Innehall(string Namn, int Ar, DateOnly SistaDag, IReadOnlyList<string> Kriterier, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "arets-chef-inbjudan";
}

/// <summary>Names neither the nominee nor anything the nominator wrote: the mail log and a forwarded mail stay anonymous.</summary>
public sealed class AretsChefNomineringSparad : IMailTemplate<AretsChefNomineringSparad.Innehall>
{
    public sealed record Innehall(string Namn, int Ar, DateOnly SistaDag, bool JurynSerNominatorer, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "arets-chef-nominering-sparad";
}

public sealed class AretsChefUtsedd : IMailTemplate<AretsChefUtsedd.Innehall>
{
    public sealed record Innehall(string Namn, int Ar, string? Vinnare, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "arets-chef-utsedd";
}

public sealed class AretsChefVinnare : IMailTemplate<AretsChefVinnare.Innehall>
{
    public sealed record Innehall(string Namn, int Ar, string? Motivering, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "arets-chef-vinnare";
}

/// <summary>The outcome for an applicant: each variant is its own template, so HR words "ej aktuell" apart from "avbruten".</summary>
public sealed class Besked : IMailTemplate<Besked.Innehall>
{
    public enum Slag { EjAktuell, Avbruten, Tillsatt, Atertagen, DubblettBorttagen }
    /// <summary><paramref name="Avslag"/>: the refusal reason's key when the recruiting side chose one; its mail is then sent.
    /// <paramref name="UpplevelseLank"/>: the link to the one question about the recruitment, with an outcome the applicant was given.</summary>
    public sealed record Innehall(string Namn, string Tjanst, string Diarienummer, string? Kommun, Slag Typ, string? Avslag = null, string? UpplevelseLank = null);
    public static string Nyckel(Innehall model) => model.Avslag ?? NyckelFor(model.Typ);
    public static string NyckelFor(Slag slag) => slag switch
    {
        Slag.EjAktuell => "besked-ej-aktuell",
        Slag.Avbruten => "besked-avbruten",
        Slag.Tillsatt => "besked-tillsatt",
        Slag.Atertagen => "besked-atertagen",
        _ => "besked-dubblett-borttagen",
    };
}

public sealed class Erbjudande : IMailTemplate<Erbjudande.Innehall>
{
    public sealed record Innehall(string Namn, string Tjanst, string Diarienummer, string? Kommun, DateOnly Startdatum, string? Villkor, string Rekryterande);
    public static string Nyckel(Innehall model) => "erbjudande";
}

public sealed class IntroduktionPaminnelse : IMailTemplate<IntroduktionPaminnelse.Innehall>
{
    public sealed record Innehall(string Namn, string Punkt, string NyChef, DateOnly Forfaller, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "introduktion-paminnelse";
}

/// <summary>A meeting's invitation, change or cancellation; the calendar file goes with it as attachments.</summary>
public sealed class MoteInbjudan : IMailTemplate<MoteInbjudan.Innehall>
{
    public enum Slag { Ny, Andrad, Installd }
    public sealed record Innehall(string Namn, string Motesrubrik, string? Beskrivning, string? Plats, DateTime StartUtc, DateTime SlutUtc,
        string Arrangor, Slag Typ, string? Skal);
    public static string Nyckel(Innehall model) => model.Typ switch
    {
        Slag.Ny => "mote-kallelse",
        Slag.Andrad => "mote-andrad",
        _ => "mote-installt",
    };
}

/// <summary>A new account: the person chooses the password from this link, so no one else ever knows it.</summary>
public sealed class NyttKonto : IMailTemplate<NyttKonto.Innehall>
{
    public sealed record Innehall(string Namn, string? Kommun, string LosenordsLank);
    public static string Nyckel(Innehall model) => "nytt-konto";
}

/// <summary>"Glömt lösenordet?": the link chooses a new password; the old one holds until it is used.</summary>
public sealed class NyttLosenord : IMailTemplate<NyttLosenord.Innehall>
{
    public sealed record Innehall(string Namn, string? Kommun, string LosenordsLank);
    public static string Nyckel(Innehall model) => "nytt-losenord";
}

public sealed class Testmejl : IMailTemplate<Testmejl.Innehall>
{
    public sealed record Innehall(string Namn, string? Kommun, DateTime Skickat);
    public static string Nyckel(Innehall model) => "testmejl";
}

public sealed class UppdragskontraktPaminnelse : IMailTemplate<UppdragskontraktPaminnelse.Innehall>
{
    public sealed record Innehall(string Namn, string ChefNamn, bool ArChefen, int Versionsnummer, DateOnly OmprovasSenast, bool Passerat, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "uppdragskontrakt-paminnelse";
}

public sealed class ValkommenNyChef : IMailTemplate<ValkommenNyChef.Innehall>
{
    public sealed record Innehall(string Namn, string Befattning, DateOnly Startdatum, string AnstallandeChef, string? Kommun, string? LosenordsLank);
    public static string Nyckel(Innehall model) => "valkommen-ny-chef";
}

/// <summary>The recruiting manager invites a candidate to choose an interview time on their own page, through its private link.</summary>
public sealed class IntervjuBokaTid : IMailTemplate<IntervjuBokaTid.Innehall>
{
    public sealed record Innehall(string Namn, string Tjanst, string Diarienummer, string? Kommun, string Rekryterande, string Lank);
    public static string Nyckel(Innehall model) => "intervju-boka-tid";
}

/// <summary>The candidate answered the offer on their own page: to HR and the recruiting manager.</summary>
public sealed class ErbjudandeSvar : IMailTemplate<ErbjudandeSvar.Innehall>
{
    public sealed record Innehall(string Namn, string Kandidat, string Tjanst, string Diarienummer, bool Ja, DateTime SvarUtc, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "erbjudande-svar";
}

/// <summary>A panel member's score for an interviewed candidate is still missing some days after the interview: one reminder.</summary>
public sealed class BedomningPaminnelse : IMailTemplate<BedomningPaminnelse.Innehall>
{
    public sealed record Innehall(string Namn, string Kandidat, string Tjanst, string Diarienummer, DateTime IntervjuUtc, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "bedomning-paminnelse";
}

/// <summary>To every employee who has a chef when HR opens the year's feedback from below. Names no chef: the same mail to all.</summary>
public sealed class AterkopplingInbjudan : IMailTemplate<AterkopplingInbjudan.Innehall>
{
    public sealed record Innehall(string Namn, int Ar, DateOnly SistaDag, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "aterkoppling-inbjudan";
}

/// <summary>HR invites a member of the internal pool (chefsförsörjning) to apply to an open recruitment.</summary>
public sealed class ChefsforsorjningInbjudan : IMailTemplate<ChefsforsorjningInbjudan.Innehall>
{
    public sealed record Innehall(string Namn, string Tjanst, string Diarienummer, DateOnly SistaAnsokningsdag, string? Kommun, string Lank);
    public static string Nyckel(Innehall model) => "chefsforsorjning-inbjudan";
}

/// <summary>A message the recruiting side writes to ticked applicants on the board, in a frame HR words. The message is
/// kept as typed, a paragraph per blank-line-separated block (the body is HTML and encodes what it shows).</summary>
public sealed class MeddelandeTillSokande : IMailTemplate<MeddelandeTillSokande.Innehall>
{
    public sealed record Innehall(string Namn, string Tjanst, string Diarienummer, string? Kommun, string Avsandare, IReadOnlyList<string> Meddelande);
    public static string Nyckel(Innehall model) => "meddelande-till-sokande";

    /// <summary>The paragraphs of a typed message: the blocks between blank lines (a single line break reads as a space).</summary>
    public static IReadOnlyList<string> Stycken(string text) =>
        text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
