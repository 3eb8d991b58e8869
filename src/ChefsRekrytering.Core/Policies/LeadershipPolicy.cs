namespace ChefsRekrytering.Policies;

/// <summary>A municipality's adopted leadership policy: the base document of every step in the portal.</summary>
public sealed record LeadershipPolicy(
    string Id,
    string Kommun,
    string Titel,
    string Dokumenttyp,
    string? AntagenAv,
    DateOnly? AntagenDatum,
    string? Paragraf,
    string? Diarienummer,
    string Kalla,
    string Sammanfattning,
    IReadOnlyList<PolicyValue> Varderingar,
    IReadOnlyList<CompetenceArea> Kompetensomraden,
    IReadOnlyList<string> ForvantningarPaArbetsgivaren,
    IReadOnlyList<string> Uppfoljning,
    IReadOnlyList<PolicySection> Avsnitt,
    string TextMarkdown)
{
    /// <summary>The stored version this is (<see cref="Policyversion"/>); records keep it with the requirement ids they used.</summary>
    public Guid VersionId { get; init; }
    public int Versionsnummer { get; init; } = 1;
    public DateOnly? GiltigFran { get; init; }
    public DateTime? PubliceradUtc { get; init; }
    public string? Andringar { get; init; }
    /// <summary>The text it was read from, in the format of content/policies: what is stored as the published version.</summary>
    public string? Filtext { get; init; }

    /// <summary>"version 2, antagen av Kommunfullmäktige 2023-04-24 §69": how a record names the policy it was built on.</summary>
    public string VersionBeskrivning => Antagen is { } a ? $"version {Versionsnummer}, antagen av {a}" : $"version {Versionsnummer}";

    public IEnumerable<PolicyRequirement> AllaKrav => Kompetensomraden.SelectMany(a => a.Krav);

    public PolicyRequirement? FindKrav(string id) => AllaKrav.FirstOrDefault(k => k.Id == id);

    /// <summary>The policy file's word for a fact the source document does not give: read as no fact at all, so a page
    /// leaves the line out instead of showing the placeholder.</summary>
    public const string UppgiftSaknas = "Uppgift saknas i källdokumentet";

    /// <summary>"Kommunfullmäktige 2023-04-24 §69", or as much of it as the source says; null when it says nothing.</summary>
    public string? Antagen => string.Join(" ", new[] { AntagenAv, AntagenDatum?.ToString("yyyy-MM-dd"), Paragraf }
        .Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } antagen ? antagen : null;

    /// <summary>Where the text comes from, as a person names it ("Kalix kommun, Ledarplan"), not the seed file it was
    /// transcribed from (<see cref="Kalla"/>).</summary>
    public string Kallbeskrivning => string.Join(", ", new[] { Kommun, Titel, Antagen is { } a ? $"antagen av {a}" : null, Diarienummer }
        .Where(s => !string.IsNullOrWhiteSpace(s)));
}

public sealed record PolicyValue(string Namn, string? Beskrivning);

public sealed record CompetenceArea(string Id, string Namn, string? Beskrivning, IReadOnlyList<PolicyRequirement> Krav);

public sealed record PolicyRequirement(string Id, string AreaId, string AreaNamn, string Text);

/// <summary>A <c>##</c> section of the policy text; the new manager confirms having read each one.</summary>
public sealed record PolicySection(string Id, string Rubrik, string Markdown);
