using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ChefsRekrytering.Calendar;

namespace ChefsRekrytering.Arkiv;

/// <summary>One fact: what it is and its value as a person reads it.</summary>
public sealed record Uppgift(string Namn, string? Varde);

/// <summary>One record about the person (an application, a contract version, a mail), as facts in order.</summary>
public sealed record Post(string Rubrik, IReadOnlyList<Uppgift> Uppgifter);

/// <summary>One kind of record (applications, introductions, ...), with a line saying what it is and why it is kept.</summary>
public sealed record Avsnitt(string Rubrik, string Forklaring, IReadOnlyList<Post> Poster);

/// <summary>A stored document of the person's, put in the file beside the summary.</summary>
public sealed record UtdragsDokument(int Id, string Filnamn, string Beskrivning);

/// <summary>
/// Everything the portal holds about one person, found by e-mail address, in one municipality: the answer to a request
/// for one's own data (registerutdrag, GDPR art. 15). The same content is written as a readable summary and as JSON.
/// </summary>
public sealed record Registerutdrag(string Epost, string Kommun, DateTime SkapatUtc, string SkapatAv,
    IReadOnlyList<Avsnitt> Avsnitt, IReadOnlyList<UtdragsDokument> Dokument)
{
    public int AntalPoster => Avsnitt.Sum(a => a.Poster.Count);

    public HtmlDokument Sammanstallning()
    {
        var doc = new HtmlDokument($"Registerutdrag – {Epost}")
            .Rubrik(1, "Registerutdrag")
            .Fakta([("E-postadress", Epost), ("Kommun", Kommun), ("Sammanställt", SwedishTime.ToLocal(SkapatUtc).ToString("yyyy-MM-dd HH:mm")),
                ("Sammanställt av", SkapatAv)])
            .Stycke("Här är alla uppgifter som kommunens chefsportal ChefsRekrytering har om dig, ordnade efter slag. " +
                "Handlingar som du har lämnat in finns i mappen ”dokument”. Samma uppgifter finns i maskinläsbar form i filen uppgifter.json.", not: true);
        if (Avsnitt.Count == 0) doc.Stycke("Portalen har inga uppgifter om den här e-postadressen.");
        foreach (var avsnitt in Avsnitt)
        {
            doc.Rubrik(2, avsnitt.Rubrik).Stycke(avsnitt.Forklaring);
            foreach (var post in avsnitt.Poster) doc.Rubrik(3, post.Rubrik).Fakta(post.Uppgifter.Select(u => (u.Namn, u.Varde)));
        }
        if (Dokument.Count > 0)
            doc.Rubrik(2, "Handlingar").Tabell("Filer i mappen dokument", ["Fil", "Vad"], Dokument.Select(d => (IReadOnlyList<string?>)[d.Filnamn, d.Beskrivning]));
        return doc;
    }

    /// <summary>Indented, with å, ä and ö as themselves: it is read by people as well as programs.</summary>
    public byte[] Json() => JsonSerializer.SerializeToUtf8Bytes(this, new JsonSerializerOptions
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}

/// <summary>
/// Who the extract is for. HR answers a request and sees what it hands over; some of a person's data is theirs alone
/// and goes only to them, signed in (Mina uppgifter): whom they nominated as Årets chef, since HR (who may be nominated)
/// could otherwise learn who nominated whom.
/// </summary>
public enum Utdragsmottagare { HR, Personen }

/// <summary>
/// A part of the portal that holds personal data of its own adds it to the register extract by implementing this.
/// Årets chef adds the nominations made by or about the person (AretsChefRegisterutdrag).
/// </summary>
public interface IRegisterutdragBidrag
{
    Task<IReadOnlyList<Avsnitt>> AvsnittAsync(Registerperson person, Utdragsmottagare mottagare, CancellationToken ct);
}

/// <summary>Who the extract is about: the address asked for and the employee records and accounts it names.</summary>
public sealed record Registerperson(string Epost, IReadOnlyList<int> PersonIds, IReadOnlyList<string> UserIds);
