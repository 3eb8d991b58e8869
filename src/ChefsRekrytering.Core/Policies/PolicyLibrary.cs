namespace ChefsRekrytering.Policies;

/// <summary>All adopted policies, loaded once at start-up from <c>content/policies</c>.</summary>
public sealed class PolicyLibrary
{
    private readonly Dictionary<string, LeadershipPolicy> _byId;

    public PolicyLibrary(IEnumerable<LeadershipPolicy> policies)
    {
        _byId = policies.ToDictionary(p => p.Id);
    }

    public IReadOnlyCollection<LeadershipPolicy> All => _byId.Values.OrderBy(p => p.Kommun, StringComparer.Create(new("sv-SE"), false)).ToList();

    public LeadershipPolicy? Find(string id) => _byId.GetValueOrDefault(id);

    public LeadershipPolicy Get(string id) =>
        Find(id) ?? throw new InvalidOperationException($"Ingen ledarpolicy med id '{id}' är laddad.");

    /// <summary>Loads and validates every *.md policy file in the folder (SCHEMA.md and README.md are documentation).</summary>
    public static PolicyLibrary LoadFrom(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Mappen med ledarpolicyer finns inte: {folder}");
        var policies = Directory.GetFiles(folder, "*.md")
            .Where(f => !Path.GetFileName(f).Equals("SCHEMA.md", StringComparison.OrdinalIgnoreCase)
                     && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order()
            .Select(f => PolicyFileParser.Parse(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
        if (policies.Count == 0)
            throw new InvalidOperationException($"Inga ledarpolicyer hittades i {folder}");
        return new PolicyLibrary(policies);
    }
}
