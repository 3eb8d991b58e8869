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
    private readonly Dictionary<string, IReadOnlyList<Kriterium>> _byKommun;

    private AretsChefKriterier(Dictionary<string, IReadOnlyList<Kriterium>> byKommun) => _byKommun = byKommun;

    public IReadOnlyList<Kriterium> For(string kommunId) => _byKommun.GetValueOrDefault(kommunId) ?? [];

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
        const string vad = "Mallen för Årets chef";
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
        var byKommun = policies.All.ToDictionary(p => p.Id, p =>
        {
            var (name, punkter) = files.GetValueOrDefault(p.Id, standard);
            var kriterier = Expand(punkter, p).ToList();
            var twice = kriterier.GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null) throw new InvalidOperationException($"{vad} '{name}': id '{twice.Key}' finns flera gånger för {p.Kommun}.");
            return (IReadOnlyList<Kriterium>)kriterier;
        });
        return new AretsChefKriterier(byKommun);
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
