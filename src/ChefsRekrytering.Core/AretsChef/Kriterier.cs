using ChefsRekrytering.Policies;

namespace ChefsRekrytering.AretsChef;

/// <summary>One thing a nominator motivates: its id (stored with the motivation), heading and question.</summary>
public sealed record Kriterium(string Id, string Rubrik, string? Beskrivning, bool Obligatorisk);

/// <summary>
/// The nomination criteria of each municipality: content/templates/arets-chef/&lt;kommun&gt;.yaml, else standard.yaml,
/// with the policy's own values added where the template asks for them. Read and checked at start-up.
/// </summary>
public sealed class AretsChefKriterier
{
    private readonly Dictionary<string, (string Name, List<MallPunkt> Punkter)> _files;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Guid), IReadOnlyList<Kriterium>> _byVersion = new();

    private AretsChefKriterier(Dictionary<string, (string, List<MallPunkt>)> files) => _files = files;

    /// <summary>The criteria for a campaign built on this policy version: its template with that version's values.</summary>
    public IReadOnlyList<Kriterium> For(LeadershipPolicy policy) =>
        _byVersion.GetOrAdd((policy.Id, policy.VersionId), _ => Build(policy));

    private IReadOnlyList<Kriterium> Build(LeadershipPolicy p)
    {
        var (name, punkter) = _files.GetValueOrDefault(p.Id, _files["standard"]);
        var kriterier = Expand(punkter, p).ToList();
        var twice = kriterier.GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"{Vad} '{name}': id '{twice.Key}' finns flera gånger för {p.Kommun}.");
        return kriterier;
    }

    private const string Vad = "Mallen för Årets chef";

    public sealed class MallPunkt
    {
        public string? Id { get; set; }
        public string Rubrik { get; set; } = "";
        public string? Beskrivning { get; set; }
        public bool Obligatorisk { get; set; } = true;
        /// <summary>Stands for the policy's values: one optional criterion per value.</summary>
        public bool Varderingar { get; set; }
    }

    public static AretsChefKriterier LoadFrom(string folder, PolicyLibrary policies)
    {
        const string vad = Vad;
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.yaml").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => (Path.GetFileName(f), Punkter: MallFil.LasPunkter<MallPunkt>(f, vad, p => p.Rubrik)))
            : [];
        if (!files.TryGetValue("standard", out var standard))
            throw new InvalidOperationException($"{vad} standard.yaml saknas i {folder}.");
        foreach (var (name, punkter) in files.Values)
        {
            var missing = punkter.FindIndex(p => !p.Varderingar && string.IsNullOrWhiteSpace(p.Id));
            if (missing >= 0) throw new InvalidOperationException($"{vad} '{name}': punkter[{missing}].id saknas.");
        }
        var kriterier = new AretsChefKriterier(files);
        foreach (var p in policies.Filer) kriterier.For(p); // a template that clashes with a policy stops the start
        return kriterier;
    }

    private static IEnumerable<Kriterium> Expand(IEnumerable<MallPunkt> punkter, LeadershipPolicy policy) =>
        punkter.SelectMany(p => p.Varderingar
            ? policy.Varderingar.Select(v => new Kriterium($"varde-{PolicyFileParser.Slugify(v.Namn)}", v.Namn,
                JoinText(p.Beskrivning, v.Beskrivning), Obligatorisk: false))
            : [new Kriterium(p.Id!.Trim(), p.Rubrik.Trim(), p.Beskrivning?.Trim(), p.Obligatorisk)]);

    /// <summary>The template's question, then the policy's own words about the value.</summary>
    private static string? JoinText(string? fraga, string? policyText) =>
        string.Join(" ", new[] { fraga, policyText }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())) is { Length: > 0 } s ? s : null;
}
