using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChefsRekrytering.Policies;

/// <summary>
/// A checklist template: YAML with a list <c>punkter</c>, each with a <c>rubrik</c>. The same check runs on a file in
/// content/templates when the portal starts (a broken file stops the start with its name and item) and on the text HR
/// types in the portal (a broken text is refused with Swedish sentences naming the line, and nothing is stored).
/// </summary>
public static class MallFil
{
    private sealed class Fil<T>
    {
        public List<T> Punkter { get; set; } = [];
    }

    /// <summary>Longest checklist text HR may save (the column holds the same as a mail's body).</summary>
    public const int MaxLangd = 100_000;

    /// <summary>What is wrong with an item: its index in <c>punkter</c>, the field, the line it starts on, and a sentence
    /// (without the item) saying what is wrong, e.g. "saknar rubrik".</summary>
    public sealed record Punktfel(int Index, string Falt, int Rad, string Text);

    /// <summary>Checks a template typed by a person: the items, or the reasons (Swedish, each naming its line). An extra
    /// check (<paramref name="granskaPunkt"/>) may find more wrong with an item, e.g. a missing id.</summary>
    public static (List<T>? Punkter, IReadOnlyList<string> Fel) Granska<T>(string? yaml, Func<T, string?> rubrik,
        Func<List<T>, IEnumerable<(int Index, string Falt, string Text)>>? granskaPunkt = null)
    {
        var (punkter, fel, punktfel) = Tolka(yaml, rubrik, granskaPunkt);
        var alla = fel.Concat(punktfel.Select(f => $"Rad {f.Rad}: punkt {f.Index + 1} {f.Text}.")).ToList();
        return (alla.Count == 0 ? punkter : null, alla);
    }

    /// <param name="vad">The template as named in messages, e.g. "Introduktionsmallen".</param>
    public static List<T> LasPunkter<T>(string path, string vad, Func<T, string?> rubrik,
        Func<List<T>, IEnumerable<(int Index, string Falt, string Text)>>? granskaPunkt = null)
    {
        var name = Path.GetFileName(path);
        var (punkter, fel, punktfel) = Tolka(File.ReadAllText(path), rubrik, granskaPunkt);
        if (fel.Count > 0) throw new InvalidOperationException($"{vad} '{name}' är felaktig: {string.Join(" ", fel)}");
        if (punktfel.FirstOrDefault() is { } f)
            throw new InvalidOperationException(f.Text.StartsWith("saknar ", StringComparison.Ordinal)
                ? $"{vad} '{name}': punkter[{f.Index}].{f.Falt} saknas."
                : $"{vad} '{name}': punkter[{f.Index}] {f.Text}.");
        return punkter!;
    }

    private static (List<T>? Punkter, List<string> Fel, List<Punktfel> Punktfel) Tolka<T>(string? yaml, Func<T, string?> rubrik,
        Func<List<T>, IEnumerable<(int Index, string Falt, string Text)>>? granskaPunkt)
    {
        yaml = (yaml ?? "").Replace("\r\n", "\n");
        if (string.IsNullOrWhiteSpace(yaml)) return (null, ["Mallen är tom. Skriv en lista punkter: med minst en punkt som har en rubrik."], []);
        if (yaml.Length > MaxLangd) return (null, [$"Mallen får vara högst {MaxLangd} tecken."], []);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .WithTypeConverter(new SvenskaVarden()).Build();
        List<T> items;
        List<int> rader;
        try
        {
            items = deserializer.Deserialize<Fil<T>>(yaml)?.Punkter ?? [];
            rader = Rader(yaml);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return (null, [$"Rad {e.Start.Line}: {Forklara(e)}"], []);
        }
        if (items.Count == 0) return (null, ["Mallen har inga punkter. Skriv dem under punkter:, var och en med en rubrik."], []);
        int Rad(int i) => i < rader.Count ? rader[i] : 1;
        var fel = items.Select((p, i) => (p, i)).Where(x => x.p is null || string.IsNullOrWhiteSpace(rubrik(x.p)))
            .Select(x => new Punktfel(x.i, "rubrik", Rad(x.i), "saknar rubrik")).ToList();
        if (fel.Count == 0 && granskaPunkt is not null)
            fel.AddRange(granskaPunkt(items).Select(x => new Punktfel(x.Index, x.Falt, Rad(x.Index), x.Text)));
        return (items, [], fel);
    }

    /// <summary>The line each item of <c>punkter</c> starts on.</summary>
    private static List<int> Rader(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return [];
        return root.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "punkter" }).Value is YamlSequenceNode lista
            ? lista.Children.Select(n => (int)n.Start.Line).ToList()
            : [];
    }

    /// <summary>
    /// A choice in a template as the portal shows it ("typ: Möte", "agare: Anställande chef"), so HR writes the words it
    /// reads on the pages; the name in the code ("Mote") is still read, as older files have it.
    /// </summary>
    private sealed class SvenskaVarden : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type.IsEnum;

        public object? ReadYaml(YamlDotNet.Core.IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var skalar = parser.Consume<YamlDotNet.Core.Events.Scalar>();
            var text = skalar.Value.Trim();
            var varden = Enum.GetValues(type).Cast<Enum>().ToList();
            foreach (var v in varden)
                if (string.Equals(text, Namn(v), StringComparison.CurrentCultureIgnoreCase) || string.Equals(text, v.ToString(), StringComparison.OrdinalIgnoreCase))
                    return v;
            throw new YamlDotNet.Core.YamlException(skalar.Start, skalar.End,
                $"värdet ”{text}” är inte ett av de tillåtna: {string.Join(", ", varden.Select(Namn))}.");
        }

        public void WriteYaml(YamlDotNet.Core.IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new YamlDotNet.Core.Events.Scalar(value is Enum v ? Namn(v) : ""));

        private static string Namn(Enum v) =>
            v.GetType().GetField(v.ToString())?.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), false)
                .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>().FirstOrDefault()?.GetName() ?? v.ToString();
    }

    /// <summary>The parser's complaint in Swedish where it is a common slip; its own words otherwise.</summary>
    private static string Forklara(YamlDotNet.Core.YamlException e)
    {
        var inre = e.InnerException?.Message ?? e.Message;
        if (inre.IndexOf("värdet ”", StringComparison.Ordinal) is var i and >= 0) return inre[i..];
        if (inre.Contains("not found on type", StringComparison.Ordinal) && inre.Split('\'') is { Length: > 1 } delar)
            return $"fältet ”{delar[1]}” finns inte i den här mallen.";
        if (inre.Contains("Requested value", StringComparison.Ordinal) && inre.Split('\'') is { Length: > 1 } v)
            return $"värdet ”{v[1]}” är inte ett av de tillåtna.";
        if (e.InnerException is FormatException or OverflowException) return "värdet har fel form (t.ex. text där ett tal ska stå).";
        return $"texten kan inte läsas som en mall ({inre.Trim()}). Kontrollera indragen och att varje punkt börjar med ”- ”.";
    }
}
