using System.Text.RegularExpressions;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>
/// Behaviour-based questions: the same for every candidate, one per competence, asking for a real past situation
/// (what happened, what the candidate did, what came of it). A policy states its requirements in its own voice ("Att
/// delegera uppgifter …", "Ledaren tar ansvar för sin egen utveckling", "Vi kommunicerar rakt och ärligt …", "Ha gott
/// omdöme"); the question turns that into what the candidate did, as an interviewer would ask it.
/// </summary>
public static partial class Intervjufragor
{
    /// <summary>The question for a requirement, worded with the municipality's <paramref name="formulering"/>.</summary>
    public static string For(string kompetens, Intervjuformulering formulering)
    {
        var (adverbial, handling) = Handling(kompetens);
        if (handling.Length == 0) return formulering.Reserv;
        var forsta = handling.Split(' ')[0];
        var nar = adverbial is null ? "" : adverbial + " ";
        var slag = Egenskap.Contains(forsta) ? Intervjuformulering.Slag.Egenskap
            : Kommunikation().IsMatch(handling) ? Intervjuformulering.Slag.Kommunikation
            : Intervjuformulering.Slag.Handling;
        return formulering.Fraga(slag, nar, handling);
    }

    /// <summary>Verbs of being and having: asked as a situation where it mattered, not as something the candidate "needed to do".</summary>
    private static readonly HashSet<string> Egenskap = ["vara", "ha", "äga", "känna", "kunna", "vilja"];

    /// <summary>Present tense to infinitive where the ending does not say it (är → vara); else -ar → -a, -er → -a. A verb
    /// after "och" or a comma is turned too when it is one of these or ends in -ar (not a noun such as "ansvar").</summary>
    private static readonly Dictionary<string, string> Oregelbundna = new()
    {
        ["är"] = "vara", ["kan"] = "kunna", ["vill"] = "vilja", ["vet"] = "veta", ["ser"] = "se", ["ger"] = "ge",
    };

    /// <summary>Endings of verbs whose present tense is irregular, also in compounds (genomför → genomföra, förstår → förstå).</summary>
    private static readonly (string Presens, string Infinitiv)[] OregelbundnaSlut =
    [
        ("för", "föra"), ("gör", "göra"), ("har", "ha"), ("står", "stå"), ("går", "gå"),
        ("får", "få"), ("bär", "bära"), ("blir", "bli"), ("tar", "ta"), ("drar", "dra"),
    ];

    /// <summary>
    /// The requirement as what the candidate does, in the infinitive and the second person ("ta ansvar för din egen
    /// utveckling"), cut to its first statement; and a leading "i medarbetarsamtalet" kept apart to stand before the verb.
    /// </summary>
    private static (string? Adverbial, string Handling) Handling(string kompetens)
    {
        var text = Regex.Replace(kompetens, @"\s+", " ").Trim();
        text = Mening().Split(text)[0];                       // the first sentence
        text = text.Split(':')[0];                            // not the list of questions that may follow
        text = Parentes().Replace(text, "");                   // not the explanations in brackets
        text = Forklaring().Replace(text, "");                 // nor "dvs …", "bland annat …", " – …"
        text = text.Trim().TrimEnd('.', ',', ';', ' ');

        var finit = false;
        if (Inledning().Match(text) is { Success: true } inledning)
        {
            finit = inledning.Groups["subjekt"].Success;
            text = text[inledning.Length..];
        }
        var ord = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (ord.Count == 0) return (null, "");

        // A statement about the manager ("Ledaren tar …", "Är tydliga …", "Samarbetar …") speaks in the present tense.
        finit |= ord[0].TrimEnd(',').EndsWith('r') && !(ord.Count > 1 && ord[0].Equals("för", StringComparison.OrdinalIgnoreCase) && ord[1] == "att");
        if (finit)
        {
            ord[0] = Infinitiv(ord[0].ToLowerInvariant());
            var verb = true; // the word before was a verb turned into the infinitive
            for (var i = 1; i < ord.Count; i++)
            {
                var samordnad = ord[i - 1] is "och" or "samt" || ord[i - 1].EndsWith(',');
                var ettOrd = ord[i].TrimEnd(',');
                var turn = samordnad && (Oregelbundna.ContainsKey(ettOrd) || ettOrd is "har" or "tar" || ettOrd.EndsWith("ar") && !ettOrd.EndsWith("svar"))
                    // "Planerar, organiserar leder och …": a verb in the row of verbs, with its comma missing.
                    || verb && (ettOrd.EndsWith("er") || ettOrd.EndsWith("ar")) && i + 1 < ord.Count && ord[i + 1] == "och";
                if (turn) ord[i] = Infinitiv(ord[i]);
                verb = turn;
            }
            // "Är tydliga i sitt agerande" is said of all managers; the candidate is one ("vara tydlig").
            if (ord[0] == "vara" && ord.Count > 1)
                ord[1] = ord[1] == "öppna" ? "öppen" : Plural().IsMatch(ord[1]) ? ord[1][..^1] : ord[1];
        }
        else ord[0] = ord[0].ToLowerInvariant();

        // "i sitt uppdrag se …", "I medarbetarsamtalet belysa …": the place stands before the verb ("när du i
        // medarbetarsamtalet behövde belysa …").
        var adverbialLangd = 0;
        if (ord[0].ToLowerInvariant() is "i" or "vid" or "inom" or "under")
            for (var k = 2; k <= 3 && k < ord.Count; k++)
                if (SerUtSomInfinitiv(ord[k])) { adverbialLangd = k; break; }
        if (adverbialLangd > 0) ord[0] = ord[0].ToLowerInvariant();

        // The manager's own (sin, sig) only in the main clause: in "där kolleger känner sig uppskattade" or "så att
        // verksamheterna når sina mål" the words belong to someone else; "i sin helhet" is nobody's.
        var huvudsats = true;
        for (var i = 0; i < ord.Count; i++)
        {
            var nasta = i + 1 < ord.Count ? ord[i + 1] : "";
            if (ord[i] is "där" or "som" or "när" or "eftersom" or "medan" or "vars" || ord[i] == "så" && nasta == "att"
                || ord[i] == "att" && !SerUtSomInfinitiv(nasta))
                huvudsats = false;
            if (huvudsats && !(ord[i] == "sin" && nasta.TrimEnd(',') == "helhet"))
                ord[i] = DuForm().Replace(ord[i], m => Du[m.Value]);
        }
        var adverbial = adverbialLangd > 0 ? string.Join(' ', ord.Take(adverbialLangd)) : null;
        return (adverbial, string.Join(' ', ord.Skip(adverbialLangd)));
    }

    /// <summary>An infinitive by its look: "leda", "se", "ta"; not "nya", "alla", "medarbetarna".</summary>
    private static bool SerUtSomInfinitiv(string ord) =>
        ord is "se" or "ta" or "ge" or "gå" or "bli" or "ha" or "få" or "stå" or "nå"
        || ord.EndsWith('a') && !ord.EndsWith("na") && !IckeVerb.Contains(ord) && ord.All(char.IsLower);

    private static readonly HashSet<string> IckeVerb =
        ["nya", "alla", "andra", "dessa", "hela", "olika", "många", "båda", "bästa", "gamla", "egna", "stora", "goda", "varandra"];

    private static string Infinitiv(string presens)
    {
        if (presens.EndsWith(',')) return Infinitiv(presens[..^1]) + ",";
        if (Oregelbundna.TryGetValue(presens, out var infinitiv)) return infinitiv;
        foreach (var (slut, inf) in OregelbundnaSlut)
            if (presens.EndsWith(slut)) return presens[..^slut.Length] + inf;
        if (presens.EndsWith("ar") || presens.EndsWith("ir")) return presens[..^1];
        if (presens.EndsWith("er")) return presens[..^2] + "a";
        return presens;
    }

    /// <summary>The policy's third and first person as the candidate's own.</summary>
    private static readonly Dictionary<string, string> Du = new()
    {
        ["sin"] = "din", ["sitt"] = "ditt", ["sina"] = "dina", ["sig"] = "dig", ["jag"] = "du", ["mig"] = "dig",
        ["min"] = "din", ["mitt"] = "ditt", ["mina"] = "dina",
    };

    [GeneratedRegex(@"^(sin|sitt|sina|sig|jag|mig|min|mitt|mina)(?=\W|$)")]
    private static partial Regex DuForm();

    [GeneratedRegex(@"(?<=[\p{Ll}\)”])\.\s+(?=\p{Lu})")]
    private static partial Regex Mening();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Parentes();

    [GeneratedRegex(@",?\s+(dvs\.?|d v s|d\.v\.s\.|bland annat|t\.ex\.|till exempel|–)(\s.*)?$")]
    private static partial Regex Forklaring();

    /// <summary>What stands before the verb: "Att", "Som anställande chef", or a subject ("Ledaren", "Vi"), which makes
    /// the verb a present tense to be turned into the infinitive.</summary>
    [GeneratedRegex(@"^(Att\s+|Som\s+[\p{L}-]+\s+chef,?\s+|(?<subjekt>(Ledaren|Ledarna|Chefen|Cheferna|Vi|Jag|Man)\s+))")]
    private static partial Regex Inledning();

    [GeneratedRegex(@"^\p{Ll}+(iga|ala|iva|ella)$")]
    private static partial Regex Plural();

    [GeneratedRegex(@"kommunic|dialog|samtal|lyssna|feedback|återkoppl|informera", RegexOptions.IgnoreCase)]
    private static partial Regex Kommunikation();
}
