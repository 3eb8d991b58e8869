using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChefsRekrytering.Policies;

/// <summary>
/// Reads one <c>content/policies/*.md</c> file: YAML front matter for the structure, Markdown for the text.
/// Validation is strict because every later step (kravprofil, introduction, self-assessment) leans on it.
/// </summary>
public static partial class PolicyFileParser
{
    public static LeadershipPolicy Parse(string fileName, string content)
    {
        var (yaml, body) = SplitFrontMatter(fileName, content);
        var root = LoadYaml(fileName, yaml);
        var f = new Fields(fileName, root);

        var id = f.RequiredString("id");
        if (!SlugRegex().IsMatch(id))
            throw new PolicyFormatException(fileName, "id", "får bara innehålla a–z, 0–9 och bindestreck");
        var expectedId = Path.GetFileNameWithoutExtension(fileName);
        if (id != expectedId)
            throw new PolicyFormatException(fileName, "id", $"måste vara samma som filnamnet ('{expectedId}')");

        var areas = ParseAreas(f);
        var sections = ParseSections(fileName, body);
        if (sections.Count == 0)
            throw new PolicyFormatException(fileName, "text", "saknar avsnitt (rubriker med ##)");

        return new LeadershipPolicy(
            Id: id,
            Kommun: f.RequiredString("kommun"),
            Titel: f.RequiredString("titel"),
            Dokumenttyp: f.RequiredString("dokumenttyp"),
            AntagenAv: f.RequiredString("antagen_av") is var antagenAv && antagenAv != LeadershipPolicy.UppgiftSaknas ? antagenAv : null,
            AntagenDatum: f.OptionalDate("antagen_datum"),
            Paragraf: f.OptionalString("paragraf"),
            Diarienummer: f.OptionalString("diarienummer"),
            Kalla: f.RequiredString("kalla"),
            Sammanfattning: f.RequiredString("sammanfattning"),
            Varderingar: f.List("varderingar", minItems: 0).Select((node, i) =>
            {
                var v = f.Child(node, $"varderingar[{i}]");
                return new PolicyValue(v.RequiredString("namn"), v.OptionalString("beskrivning"));
            }).ToList(),
            Kompetensomraden: areas,
            ForvantningarPaArbetsgivaren: f.StringList("forvantningar_pa_arbetsgivaren"),
            Uppfoljning: f.StringList("uppfoljning"),
            Avsnitt: sections,
            TextMarkdown: body.Trim());
    }

    private static List<CompetenceArea> ParseAreas(Fields f)
    {
        var ids = new HashSet<string>();
        var areas = new List<CompetenceArea>();
        foreach (var (node, i) in f.List("kompetensomraden", minItems: 1).Select((n, i) => (n, i)))
        {
            var path = $"kompetensomraden[{i}]";
            var a = f.Child(node, path);
            var areaId = a.RequiredSlug("id", ids);
            var areaName = a.RequiredString("namn");
            var krav = a.List("krav", minItems: 1).Select((k, j) =>
            {
                var item = f.Child(k, $"{path}.krav[{j}]");
                return new PolicyRequirement(item.RequiredSlug("id", ids), areaId, areaName, item.RequiredString("text"));
            }).ToList();
            areas.Add(new CompetenceArea(areaId, areaName, a.OptionalString("beskrivning"), krav));
        }
        return areas;
    }

    private static (string Yaml, string Body) SplitFrontMatter(string fileName, string content)
    {
        content = content.Replace("\r\n", "\n").TrimStart('\uFEFF');
        if (!content.StartsWith("---\n"))
            throw new PolicyFormatException(fileName, "front matter", "saknas: filen måste börja med en rad '---'");
        var end = content.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0)
            throw new PolicyFormatException(fileName, "front matter", "avslutas inte med en rad '---'");
        var afterMarker = content.IndexOf('\n', end + 4);
        var body = afterMarker < 0 ? "" : content[(afterMarker + 1)..];
        if (string.IsNullOrWhiteSpace(body))
            throw new PolicyFormatException(fileName, "text", "saknas: policyns fullständiga text ska stå efter front matter");
        return (content[4..end], body);
    }

    private static YamlMappingNode LoadYaml(string fileName, string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map
                ? map
                : throw new PolicyFormatException(fileName, "front matter", "måste vara en YAML-mappning");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new PolicyFormatException(fileName, "front matter",
                $"är inte giltig YAML (rad {e.Start.Line + 1}: {e.Message})");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some malformed flow collections this way, without a position.
            throw new PolicyFormatException(fileName, "front matter", $"är inte giltig YAML ({e.Message})");
        }
    }

    private static List<PolicySection> ParseSections(string fileName, string body)
    {
        var sections = new List<PolicySection>();
        var ids = new HashSet<string>();
        // Text before the first ## (some policies open without a heading) is a section of its own.
        string? heading = "Inledning";
        var text = new StringBuilder();
        void Flush()
        {
            if (heading is null || (sections.Count == 0 && heading == "Inledning" && string.IsNullOrWhiteSpace(text.ToString()))) return;
            var id = Slugify(heading);
            for (var n = 2; !ids.Add(id); n++) id = $"{Slugify(heading)}-{n}";
            sections.Add(new PolicySection(id, heading, text.ToString().Trim()));
        }
        foreach (var line in body.Split('\n'))
        {
            if (line.StartsWith("## "))
            {
                Flush();
                heading = line[3..].Trim().Trim('*').Trim();
                if (heading.Length == 0)
                    throw new PolicyFormatException(fileName, "text", "har en tom rubrik (##)");
                text.Clear();
            }
            else if (!line.StartsWith("# ")) text.AppendLine(line);
        }
        Flush();
        return sections;
    }

    /// <summary>"Chefsuppdraget – Social kompetens" → "chefsuppdraget-social-kompetens".</summary>
    public static string Slugify(string text)
    {
        var normalized = text.ToLowerInvariant()
            .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e')
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }
        return DashesRegex().Replace(sb.ToString(), "-").Trim('-');
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugRegex();

    [GeneratedRegex("-{2,}")]
    private static partial Regex DashesRegex();

    /// <summary>Typed access to a YAML mapping that names file and field in every complaint.</summary>
    private sealed class Fields(string file, YamlMappingNode map, string prefix = "")
    {
        private string Path(string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

        private YamlNode? Get(string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public Fields Child(YamlNode node, string path) => node is YamlMappingNode m
            ? new Fields(file, m, path)
            : throw new PolicyFormatException(file, path, "måste vara en mappning med nycklar");

        public string RequiredString(string key) =>
            OptionalString(key) ?? throw new PolicyFormatException(file, Path(key), "saknas eller är tomt");

        public string? OptionalString(string key) => Get(key) switch
        {
            null => null,
            YamlScalarNode s when string.IsNullOrWhiteSpace(s.Value) => null,
            YamlScalarNode s => s.Value!.Trim(),
            _ => throw new PolicyFormatException(file, Path(key), "måste vara text"),
        };

        public string RequiredSlug(string key, HashSet<string> seen)
        {
            var value = RequiredString(key);
            if (!SlugRegex().IsMatch(value))
                throw new PolicyFormatException(file, Path(key), $"('{value}') får bara innehålla a–z, 0–9 och bindestreck");
            if (!seen.Add(value))
                throw new PolicyFormatException(file, Path(key), $"('{value}') används redan i filen");
            return value;
        }

        public DateOnly? OptionalDate(string key)
        {
            var value = OptionalString(key);
            if (value is null) return null;
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new PolicyFormatException(file, Path(key), $"('{value}') måste vara ett datum som ÅÅÅÅ-MM-DD");
        }

        public IReadOnlyList<YamlNode> List(string key, int minItems)
        {
            var node = Get(key) ?? throw new PolicyFormatException(file, Path(key), "saknas");
            if (node is not YamlSequenceNode seq)
                throw new PolicyFormatException(file, Path(key), "måste vara en lista");
            if (seq.Children.Count < minItems)
                throw new PolicyFormatException(file, Path(key), $"måste ha minst {minItems} post");
            return seq.Children.ToList();
        }

        public IReadOnlyList<string> StringList(string key) => List(key, minItems: 1).Select((n, i) =>
            n is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)
                ? v.Trim()
                : throw new PolicyFormatException(file, $"{Path(key)}[{i}]", "måste vara en icke-tom text")).ToList();
    }
}
