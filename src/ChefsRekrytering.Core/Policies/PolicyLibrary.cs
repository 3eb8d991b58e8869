namespace ChefsRekrytering.Policies;

/// <summary>
/// Every published version of every municipality's policy, parsed once and read synchronously by pages, services and
/// mails. Published versions never change, so a copy per process is safe; it is replaced whole when a version is
/// published here (<see cref="PolicyLaddare"/>) or seen published by another instance (<see cref="PolicyUppdaterare"/>).
/// Until the database is read at start-up the files of content/policies stand as version 1.
/// </summary>
public sealed class PolicyLibrary
{
    private sealed record Snapshot(
        IReadOnlyDictionary<string, LeadershipPolicy[]> ByKommun,
        IReadOnlyDictionary<Guid, LeadershipPolicy> ById,
        string Stamp);

    private volatile Snapshot _snapshot;
    private readonly TimeProvider _clock;

    public PolicyLibrary(IEnumerable<LeadershipPolicy> files, TimeProvider? clock = null)
    {
        Filer = files.ToList();
        _clock = clock ?? TimeProvider.System;
        _snapshot = Build(Filer, "");
    }

    /// <summary>The policies of content/policies: version 1 of each municipality, seeded into the database once.</summary>
    public IReadOnlyList<LeadershipPolicy> Filer { get; }

    /// <summary>What the published versions were loaded from; compared cheaply to see whether another instance published.</summary>
    public string Stamp => _snapshot.Stamp;

    /// <summary>Each municipality's policy in force today.</summary>
    public IReadOnlyCollection<LeadershipPolicy> All => _snapshot.ByKommun.Keys.Select(k => Find(k)!)
        .OrderBy(p => p.Kommun, StringComparer.Create(new("sv-SE"), false)).ToList();

    /// <summary>The version in force today: the newest published one whose first day has come. A version published with
    /// a later first day waits; when every version does, the oldest stands.</summary>
    public LeadershipPolicy? Find(string id)
    {
        if (!_snapshot.ByKommun.TryGetValue(id, out var versions)) return null;
        var today = DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(_clock.GetUtcNow().UtcDateTime));
        for (var i = versions.Length - 1; i >= 0; i--)
            if (versions[i].GiltigFran is not { } from || from <= today) return versions[i];
        return versions[0];
    }

    public LeadershipPolicy Get(string id) =>
        Find(id) ?? throw new InvalidOperationException($"Ingen ledarpolicy med id '{id}' är laddad.");

    /// <summary>A published version by its id, for the record that was built on it.</summary>
    public LeadershipPolicy? Version(Guid versionId) => _snapshot.ById.GetValueOrDefault(versionId);

    /// <summary>The version a record was built on; the one in force for a record from before versions were kept.</summary>
    public LeadershipPolicy For(string kommunId, Guid? versionId) =>
        versionId is { } v && Version(v) is { } p && p.Id == kommunId ? p : Get(kommunId);

    /// <summary>Every published version of a municipality, oldest first.</summary>
    public IReadOnlyList<LeadershipPolicy> Versioner(string kommunId) => _snapshot.ByKommun.GetValueOrDefault(kommunId) ?? [];

    /// <summary>Replaces the whole library with these published versions (already parsed).</summary>
    public void Ersatt(IEnumerable<LeadershipPolicy> published, string stamp) => _snapshot = Build(published, stamp);

    private static Snapshot Build(IEnumerable<LeadershipPolicy> policies, string stamp)
    {
        var list = policies.ToList();
        return new Snapshot(
            list.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Versionsnummer).ToArray()),
            list.Where(p => p.VersionId != Guid.Empty).ToDictionary(p => p.VersionId),
            stamp);
    }

    /// <summary>Loads and validates every *.md policy file in the folder (SCHEMA.md and README.md are documentation).</summary>
    public static PolicyLibrary LoadFrom(string folder, TimeProvider? clock = null)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Mappen med ledarpolicyer finns inte: {folder}");
        var policies = Directory.GetFiles(folder, "*.md")
            .Where(f => !Path.GetFileName(f).Equals("SCHEMA.md", StringComparison.OrdinalIgnoreCase)
                     && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order()
            .Select(f => PolicyFileParser.Parse(Path.GetFileName(f), File.ReadAllText(f)) with { Filtext = File.ReadAllText(f) })
            .ToList();
        if (policies.Count == 0)
            throw new InvalidOperationException($"Inga ledarpolicyer hittades i {folder}");
        return new PolicyLibrary(policies, clock);
    }
}
