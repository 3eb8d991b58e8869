namespace ChefsRekrytering.Organisation;

/// <summary>
/// The org tree of one municipality in memory (a few hundred units at most), answering who manages whom.
/// The närmast högre chef is derived from the tree, never stored, so a reorganisation is one edit.
/// </summary>
public sealed class OrgChart
{
    private readonly Dictionary<int, Enhet> _units;
    private readonly Dictionary<int, int?> _unitOfPerson;

    public OrgChart(IEnumerable<Enhet> units, IEnumerable<(int PersonId, int? EnhetId)> people)
    {
        _units = units.ToDictionary(u => u.Id);
        _unitOfPerson = people.ToDictionary(p => p.PersonId, p => p.EnhetId);
    }

    /// <summary>The manager of a person: the chef of their unit, or, for that unit's own chef, the first
    /// different chef found walking up the tree. Null at the top.</summary>
    public int? ChefFor(int personId)
    {
        var unitId = _unitOfPerson.GetValueOrDefault(personId);
        // A manager may sit in the unit above the one they lead; start from every unit they lead too.
        var led = _units.Values.Where(u => u.ChefId == personId).Select(u => (int?)u.Id);
        foreach (var start in led.Prepend(unitId))
        {
            for (var u = Find(start); u is not null; u = Find(u.OverordnadId))
                if (u.ChefId is int chef && chef != personId) return chef;
        }
        return null;
    }

    /// <summary>The units a person leads, directly.</summary>
    public IEnumerable<Enhet> UnitsLedBy(int personId) => _units.Values.Where(u => u.ChefId == personId);

    /// <summary>True when <paramref name="chefId"/> manages <paramref name="personId"/> directly.</summary>
    public bool IsNextHigherManagerOf(int chefId, int personId) => ChefFor(personId) == chefId;

    /// <summary>The unit and all units below it.</summary>
    public IEnumerable<int> Subtree(int unitId)
    {
        yield return unitId;
        foreach (var child in _units.Values.Where(u => u.OverordnadId == unitId))
            foreach (var id in Subtree(child.Id)) yield return id;
    }

    /// <summary>Every unit with its depth, parents before their children and siblings by name: the tree as a list.</summary>
    public IEnumerable<(Enhet Unit, int Depth)> InTreeOrder(int? parentId = null, int depth = 0)
    {
        foreach (var unit in _units.Values.Where(u => u.OverordnadId == parentId).OrderBy(u => u.Namn))
        {
            yield return (unit, depth);
            foreach (var below in InTreeOrder(unit.Id, depth + 1)) yield return below;
        }
    }

    public Enhet? Unit(int unitId) => _units.GetValueOrDefault(unitId);

    /// <summary>"Kommunledningen › Socialförvaltningen › Hemtjänst Centrum"</summary>
    public string PathOf(int unitId)
    {
        var names = new List<string>();
        for (var u = Find(unitId); u is not null; u = Find(u.OverordnadId)) names.Insert(0, u.Namn);
        return string.Join(" › ", names);
    }

    private Enhet? Find(int? id) => id is int i ? _units.GetValueOrDefault(i) : null;
}
