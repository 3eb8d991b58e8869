using ChefsRekrytering.Notifications;
using Fluid;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>
/// How a municipality words its interview guide (content/templates/intervjufragor.yaml, which HR may replace with its
/// own version): the three sentence frames a requirement is put into, the question when a requirement cannot be turned
/// into one, the follow-up questions and the five steps of the scale. The frames are Liquid with two fields, rendered
/// sandboxed as plain text (<see cref="Mejlmotor.Alternativ"/>); whether a text is fit is decided when it is read or
/// saved (<see cref="Tolka"/>), never when a kravprofil is written.
/// </summary>
public sealed class Intervjuformulering
{
    public const string Nyckel = "intervjufragor";
    public static readonly IReadOnlyList<string> Falt = ["handling", "nar"];
    public const int MaxLangd = 20_000;

    public enum Slag { Egenskap, Kommunikation, Handling }

    private readonly Dictionary<Slag, IFluidTemplate> _fraser;
    public string Reserv { get; }
    public IReadOnlyList<string> Foljdfragor { get; }
    /// <summary>Points 1 to 5 with their words.</summary>
    public IReadOnlyList<(int Poang, string Text)> Skala { get; }
    /// <summary>The text as written, to show and edit.</summary>
    public string Text { get; }

    private Intervjuformulering(Dictionary<Slag, IFluidTemplate> fraser, string reserv, IReadOnlyList<string> foljdfragor, IReadOnlyList<string> skala, string text)
    {
        (_fraser, Reserv, Foljdfragor, Text) = (fraser, reserv, foljdfragor, text);
        Skala = skala.Select((t, i) => (i + 1, t)).ToList();
    }

    /// <summary>The question for a requirement turned into <paramref name="handling"/>, with <paramref name="nar"/> before it ("i medarbetarsamtalet ") or empty.</summary>
    public string Fraga(Slag slag, string nar, string handling)
    {
        var context = new TemplateContext(Mejlmotor.Alternativ);
        context.SetValue("nar", nar);
        context.SetValue("handling", handling);
        return System.Text.RegularExpressions.Regex.Replace(_fraser[slag].Render(context, NullEncoder.Default), @"\s+", " ").Trim();
    }

    private sealed class Fil
    {
        public string? Egenskap { get; set; }
        public string? Kommunikation { get; set; }
        public string? Handling { get; set; }
        public string? Reserv { get; set; }
        public List<string>? Foljdfragor { get; set; }
        public List<string>? Skala { get; set; }
    }

    private static readonly FluidParser Parser = new();
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>Reads and checks a text; the reasons are Swedish and say where it is wrong. Nothing partial is returned.</summary>
    public static (Intervjuformulering? Formulering, IReadOnlyList<string> Fel) Tolka(string text)
    {
        text = (text ?? "").Replace("\r\n", "\n");
        if (text.Length > MaxLangd) return (null, [$"Mallen får vara högst {MaxLangd} tecken."]);
        Fil? fil;
        try { fil = Yaml.Deserialize<Fil>(text); }
        catch (YamlDotNet.Core.YamlException e)
        {
            return (null, [$"Mallen går inte att läsa på rad {e.Start.Line}: kontrollera indraget och att varje rad har formen \"namn: text\" eller \"  - text\"."]);
        }
        fil ??= new Fil();
        var fel = new List<string>();
        var fraser = new Dictionary<Slag, IFluidTemplate>();
        foreach (var (slag, namn, kalla) in new[] { (Slag.Egenskap, "egenskap", fil.Egenskap), (Slag.Kommunikation, "kommunikation", fil.Kommunikation), (Slag.Handling, "handling", fil.Handling) })
        {
            if (string.IsNullOrWhiteSpace(kalla)) { fel.Add($"Frasen \"{namn}\" saknas."); continue; }
            if (kalla.Length > 500) { fel.Add($"Frasen \"{namn}\" får vara högst 500 tecken."); continue; }
            if (!Parser.TryParse(kalla, out var mall, out _))
            {
                fel.Add($"Frasen \"{namn}\" går inte att tolka: kontrollera att varje {{{{ }}}} och {{% %}} är stängd.");
                continue;
            }
            var okanda = Mejlmotor.OkandaNamn(mall, Falt).ToList();
            foreach (var o in okanda) fel.Add($"Fältet \"{o}\" i frasen \"{namn}\" finns inte. Fälten som finns: {string.Join(", ", Falt)}.");
            if (okanda.Count == 0 && !kalla.Contains("handling", StringComparison.OrdinalIgnoreCase))
                fel.Add($"Frasen \"{namn}\" ska innehålla {{{{ handling }}}}, annars blir alla frågor av det slaget likadana.");
            fraser[slag] = mall;
        }
        var reserv = fil.Reserv?.Trim() ?? "";
        if (reserv.Length == 0) fel.Add("Frasen \"reserv\" saknas.");
        else if (reserv.Contains("{{") || reserv.Contains("{%")) fel.Add("Frasen \"reserv\" används när kravet inte går att göra om, så den kan inte ha några fält.");
        else if (reserv.Length > 500) fel.Add("Frasen \"reserv\" får vara högst 500 tecken.");
        var foljd = (fil.Foljdfragor ?? []).Select(f => f?.Trim() ?? "").ToList();
        if (foljd.Count > 10) fel.Add("Högst tio följdfrågor.");
        if (foljd.Any(f => f.Length is 0 or > 300)) fel.Add("Varje följdfråga ska ha en text på högst 300 tecken.");
        var skala = (fil.Skala ?? []).Select(s => s?.Trim() ?? "").ToList();
        if (skala.Count != 5 || skala.Any(s => s.Length is 0 or > 200)) fel.Add("Skalan ska ha fem steg, från 1 till 5, vart och ett med en text på högst 200 tecken.");
        if (fel.Count > 0) return (null, fel.Distinct().ToList());

        var formulering = new Intervjuformulering(fraser, reserv, foljd, skala, text);
        // Rendered once on a real requirement, so a text that loops or grows without end is refused now, not in a kravprofil.
        try
        {
            foreach (var slag in Enum.GetValues<Slag>()) formulering.Fraga(slag, "i medarbetarsamtalet ", "ta ansvar för din egen utveckling");
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException)
        {
            return (null, ["Mallen går inte att visa: den tar för många steg eller blir för lång."]);
        }
        return (formulering, []);
    }

    /// <summary>The shipped file: read at start, and a broken one stops the start with its name.</summary>
    public static Intervjuformulering LasFil(string path) => Tolka(File.ReadAllText(path)) is ({ } f, _)
        ? f
        : throw new InvalidOperationException($"Mallen för intervjufrågor {path} duger inte: {string.Join(" ", Tolka(File.ReadAllText(path)).Fel)}");
}

/// <summary>Each municipality's wording in force: its own saved version (HR words it at /mallar/listor/intervjufragor),
/// else the shipped file; cached as every checklist template is (<see cref="Notifications.Listmallkalla"/>).</summary>
public sealed class Intervjuformuleringar(Notifications.Listmallkalla kalla)
{
    public async Task<Intervjuformulering> ForAsync(Data.AppDbContext db, string kommunId, CancellationToken ct = default)
    {
        var mall = Notifications.Listmallar.Intervjufragor;
        return (Intervjuformulering)await kalla.TolkadAsync(db, kommunId, mall, await kalla.AktuellAsync(db, kommunId, mall, ct), ct);
    }
}
