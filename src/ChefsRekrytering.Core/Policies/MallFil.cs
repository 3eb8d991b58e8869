using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChefsRekrytering.Policies;

/// <summary>A checklist template in content/templates: YAML with a list <c>punkter</c>, each with a <c>rubrik</c>.
/// Read at start-up, so a broken file stops the start with its name, line or item rather than failing later.</summary>
public static class MallFil
{
    private sealed class Fil<T>
    {
        public List<T> Punkter { get; set; } = [];
    }

    /// <param name="vad">The template as named in messages, e.g. "Introduktionsmallen".</param>
    public static List<T> LasPunkter<T>(string path, string vad, Func<T, string?> rubrik)
    {
        var name = Path.GetFileName(path);
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        List<T> items;
        try { items = yaml.Deserialize<Fil<T>>(File.ReadAllText(path))?.Punkter ?? []; }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidOperationException($"{vad} '{name}' är felaktig (rad {e.Start.Line}): {e.InnerException?.Message ?? e.Message}");
        }
        if (items.Count == 0) throw new InvalidOperationException($"{vad} '{name}' har inga punkter.");
        var blank = items.FindIndex(i => string.IsNullOrWhiteSpace(rubrik(i)));
        if (blank >= 0) throw new InvalidOperationException($"{vad} '{name}': punkter[{blank}].rubrik saknas.");
        return items;
    }
}
