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
    private readonly Dictionary<string, (string Name, string Text, List<MallPunkt> Punkter)> _files;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Guid, int), IReadOnlyList<Kriterium>> _byVersion = new();

    private AretsChefKriterier(Dictionary<string, (string, string, List<MallPunkt>)> files) => _files = files;

    /// <summary>The criteria for a campaign built on this policy version, from the template file (version 1).</summary>
    public IReadOnlyList<Kriterium> For(LeadershipPolicy policy) =>
        _byVersion.GetOrAdd((policy.Id, policy.VersionId, 1), _ => Build(policy, Fil(policy.Id).Punkter, Fil(policy.Id).Name));

    /// <summary>The criteria from a version HR saved (<paramref name="nummer"/> &gt; 1, its items already checked when
    /// saved) with this policy version's values; a version never changes, so it is built once.</summary>
    public IReadOnlyList<Kriterium> For(LeadershipPolicy policy, int nummer, IReadOnlyList<MallPunkt> punkter) => nummer <= 1
        ? For(policy)
        : _byVersion.GetOrAdd((policy.Id, policy.VersionId, nummer), _ =>
            Expand(punkter, policy).DistinctBy(k => k.Id).ToList()); // a value named like an id after a policy change: the first stands

    /// <summary>The file a municipality's version 1 is: its own, else standard.yaml.</summary>
    public IReadOnlyList<MallPunkt> FilPunkter(string kommunId) => Fil(kommunId).Punkter;

    /// <summary>The file's text, as HR sees version 1.</summary>
    public string FilText(string kommunId) => Fil(kommunId).Text;

    private (string Name, string Text, List<MallPunkt> Punkter) Fil(string kommunId) => _files.GetValueOrDefault(kommunId, _files["standard"]);

    private static IReadOnlyList<Kriterium> Build(LeadershipPolicy p, IEnumerable<MallPunkt> punkter, string name)
    {
        var kriterier = Expand(punkter, p).ToList();
        var twice = kriterier.GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"{Vad} '{name}': id '{twice.Key}' finns flera gånger för {p.Kommun}.");
        return kriterier;
    }

    public const string Vad = "Mallen för Årets chef";

    public sealed class MallPunkt
    {
        public string? Id { get; set; }
        public string Rubrik { get; set; } = "";
        public string? Beskrivning { get; set; }
        public bool Obligatorisk { get; set; } = true;
        /// <summary>Stands for the policy's values: one optional criterion per value.</summary>
        public bool Varderingar { get; set; }
    }

    /// <summary>What a file or a typed text must also have: an id on every item but the values' one, each id once.</summary>
    private static IEnumerable<(int Index, string Falt, string Text)> GranskaId(List<MallPunkt> punkter)
    {
        var sedda = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < punkter.Count; i++)
        {
            if (punkter[i].Varderingar) continue;
            if (string.IsNullOrWhiteSpace(punkter[i].Id)) yield return (i, "id", "saknar id");
            else if (!sedda.Add(punkter[i].Id!.Trim())) yield return (i, "id", $"har samma id som en punkt före den (”{punkter[i].Id!.Trim()}”); varje id får finnas en gång");
        }
    }

    /// <summary>A text typed by HR: its items, or the reasons it cannot be used, among them an id that would clash with
    /// one of the policy's values (<paramref name="policy"/>, the municipality's current one).</summary>
    public static (List<MallPunkt>? Punkter, IReadOnlyList<string> Fel) Granska(string? yaml, LeadershipPolicy? policy)
    {
        var (punkter, fel) = MallFil.Granska<MallPunkt>(yaml, p => p.Rubrik, GranskaId);
        if (punkter is null || policy is null) return (punkter, fel);
        var twice = Expand(punkter, policy).GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? (punkter, fel)
            : (null, [$"Id ”{twice.Key}” finns flera gånger när policyns värderingar läggs till (en värdering heter så). Välj ett annat id."]);
    }

    public static AretsChefKriterier LoadFrom(string folder, PolicyLibrary policies)
    {
        const string vad = Vad;
        if (!File.Exists(Path.Combine(folder, "standard.yaml")))
            throw new InvalidOperationException($"{vad} standard.yaml saknas i {folder}.");
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.yaml").ToDictionary(f => Path.GetFileNameWithoutExtension(f),
                f => (Path.GetFileName(f), File.ReadAllText(f), Punkter: MallFil.LasPunkter<MallPunkt>(f, vad, p => p.Rubrik, GranskaId)))
            : [];
        var kriterier = new AretsChefKriterier(files);
        foreach (var p in policies.Filer) kriterier.For(p); // a template that clashes with a policy stops the start
        return kriterier;
    }

    /// <summary>The criteria items give with a policy's values, as a nominator sees them.</summary>
    public static IReadOnlyList<Kriterium> Kriterier(IEnumerable<MallPunkt> punkter, LeadershipPolicy policy) => Expand(punkter, policy).DistinctBy(k => k.Id).ToList();

    private static IEnumerable<Kriterium> Expand(IEnumerable<MallPunkt> punkter, LeadershipPolicy policy) =>
        punkter.SelectMany(p => p.Varderingar
            ? policy.Varderingar.Select(v => new Kriterium($"varde-{PolicyFileParser.Slugify(v.Namn)}", v.Namn,
                JoinText(p.Beskrivning, v.Beskrivning), Obligatorisk: false))
            : [new Kriterium(p.Id!.Trim(), p.Rubrik.Trim(), p.Beskrivning?.Trim(), p.Obligatorisk)]);

    /// <summary>The template's question, then the policy's own words about the value.</summary>
    private static string? JoinText(string? fraga, string? policyText) =>
        string.Join(" ", new[] { fraga, policyText }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())) is { Length: > 0 } s ? s : null;
}
