using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Fluid;
using Fluid.Values;

namespace ChefsRekrytering.Notifications;

/// <summary>A mail's text as HR words it: a subject line, the heading in the mail's frame and the body, each Liquid.</summary>
public sealed record Mejltext(string Amne, string Rubrik, string Innehall)
{
    private static readonly Regex Rad = new(@"^\s*(ämne|rubrik)\s*:(.*)$", RegexOptions.IgnoreCase);

    /// <summary>The file form (content/templates/mejl/*.liquid): "ämne: …" and "rubrik: …" lines, a line "---", then the body.</summary>
    public static Mejltext FranFil(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        string amne = "", rubrik = "";
        var i = 0;
        for (; i < lines.Length && lines[i].Trim() != "---"; i++)
        {
            var m = Rad.Match(lines[i]);
            if (!m.Success) continue;
            if (m.Groups[1].Value.Equals("rubrik", StringComparison.OrdinalIgnoreCase)) rubrik = m.Groups[2].Value.Trim();
            else amne = m.Groups[2].Value.Trim();
        }
        if (i >= lines.Length) throw new FormatException("En mejlmall ska ha raderna \"ämne:\" och \"rubrik:\", en rad \"---\" och sedan texten.");
        return new(amne, rubrik, string.Join("\n", lines.Skip(i + 1)).Trim() + "\n");
    }
}

/// <summary>A template parsed once: subject, heading and body.</summary>
public sealed record TolkadMejlmall(IFluidTemplate Amne, IFluidTemplate Rubrik, IFluidTemplate Innehall);

/// <summary>A rendered mail: subject (text), heading (text) and body (HTML).</summary>
public sealed record RenderatMejl(string Amne, string Rubrik, string Html);

/// <summary>
/// Renders and checks mail templates with Fluid (Liquid), sandboxed: a template reads only the fields the catalogue
/// lists (the context holds nothing else; member access reaches only <see cref="Dokumentrad"/>), every value is
/// HTML-encoded, no file can be included, and a template that loops or grows without end is stopped (MaxSteps,
/// MaxRecursion, MaxOutputSize). Whether a template is fit is decided when it is saved (<see cref="Granska"/>), never
/// when a mail is sent.
/// </summary>
public static class Mejlmotor
{
    private static readonly FluidParser Parser = new();
    private static readonly HtmlParser Html = new();

    /// <summary>Values are encoded for HTML; Swedish letters stay readable.</summary>
    public static readonly TextEncoder Kodning = HtmlEncoder.Create(UnicodeRanges.All);

    public static readonly TemplateOptions Alternativ = new TemplateOptionsBuilder()
        .WithMemberAccessStrategy(() => new BaraListadeFalt())
        .ConfigureMemberAccess(s =>
        {
            s.Register<Dokumentrad, object?>("typ", (d, _) => d.Typ);
            s.Register<Dokumentrad, object?>("namn", (d, _) => d.Namn);
        })
        .WithCultureInfo(CultureInfo.GetCultureInfo("sv-SE"))
        .WithMaxSteps(20_000)
        .WithMaxRecursion(20)
        .WithMaxOutputSize(200_000)
        .WithMaxCollectionSize(1_000)
        .WithStrictFilters()
        .Build();

    public const int MaxLangd = 50_000;

    /// <summary>Parses a template's three parts, or says in Swedish where it fails.</summary>
    public static (TolkadMejlmall? Mall, IReadOnlyList<string> Fel) Tolka(Mejltext text)
    {
        var fel = new List<string>();
        var amne = TolkaDel(text.Amne, "Ämnesraden", fel);
        var rubrik = TolkaDel(text.Rubrik, "Rubriken", fel);
        var innehall = TolkaDel(text.Innehall, "Texten", fel);
        return fel.Count > 0 ? (null, fel) : (new TolkadMejlmall(amne!, rubrik!, innehall!), fel);
    }

    private static IFluidTemplate? TolkaDel(string kalla, string del, List<string> fel)
    {
        try
        {
            return Parser.Parse(kalla ?? "") ?? throw new ParseException("");
        }
        catch (ParseException e)
        {
            var rad = e.Position is { } p ? p.Line : 1;
            fel.Add($"{del} går inte att tolka: fel i mallspråket på rad {rad}{Forklaring(e.Message)}. Kontrollera att varje {{{{ }}}} och {{% %}} är stängd och att {{% if %}}, {{% for %}} och {{% case %}} har sitt {{% endif %}}, {{% endfor %}} och {{% endcase %}}.");
            return null;
        }
    }

    private static string Forklaring(string message)
    {
        var m = message.ToLowerInvariant();
        if (m.Contains("endif") || m.Contains("endfor") || m.Contains("endcase") || m.Contains("end tag") || m.Contains("expected")) return " (en tagg är inte avslutad eller står fel)";
        if (m.Contains("unknown tag") || m.Contains("invalid tag")) return " (okänd tagg)";
        return "";
    }

    /// <summary>Renders a parsed template for a model. Throws if the template breaks a limit; the caller decides what then.</summary>
    public static Task<RenderatMejl> RenderaAsync(TolkadMejlmall mall, Mejlmall katalog, object model, string foreslagetAmne,
        TemplateOptions.UndefinedDelegate? okand = null) =>
        // The fields word days and times in the mail's language, whatever the request's is.
        Sprak.MedAsync(katalog.Sprak, () => RenderaPaSprakAsync(mall, katalog, model, foreslagetAmne, okand));

    private static async Task<RenderatMejl> RenderaPaSprakAsync(TolkadMejlmall mall, Mejlmall katalog, object model, string foreslagetAmne,
        TemplateOptions.UndefinedDelegate? okand)
    {
        var context = new TemplateContext(Alternativ);
        if (okand is not null) context.Undefined = okand;
        foreach (var falt in katalog.Falt)
            context.SetValue(falt.Namn, falt.Namn == Mejlmallar.AmnesFalt
                ? StringValue.Create(foreslagetAmne)
                : falt.Varde(model) is { } v ? FluidValue.Create(v, Alternativ) : NilValue.Instance);
        var amne = Rad(await mall.Amne.RenderAsync(context, NullEncoder.Default));
        var rubrik = Rad(await mall.Rubrik.RenderAsync(context, NullEncoder.Default));
        var html = await mall.Innehall.RenderAsync(context, Kodning);
        return new(amne, rubrik, html);
    }

    /// <summary>Subject and heading are one line of text.</summary>
    private static string Rad(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    /// <summary>
    /// Whether a template may be saved: it parses, renders against every sample model without a field the catalogue
    /// does not list, has a subject and a heading, and its HTML (the source, every branch, and the rendered result)
    /// uses only the allowed elements and links. The reasons are Swedish and name what is wrong.
    /// </summary>
    public static async Task<(TolkadMejlmall? Mall, IReadOnlyList<string> Fel)> GranskaAsync(Mejlmall katalog, Mejltext text)
    {
        var fel = new List<string>();
        if (string.IsNullOrWhiteSpace(text.Amne)) fel.Add("Ämnesraden får inte vara tom.");
        if (string.IsNullOrWhiteSpace(text.Rubrik)) fel.Add("Rubriken får inte vara tom.");
        if (string.IsNullOrWhiteSpace(text.Innehall)) fel.Add("Texten får inte vara tom.");
        if ((text.Amne?.Length ?? 0) > 500 || (text.Rubrik?.Length ?? 0) > 500) fel.Add("Ämnesraden och rubriken får vara högst 500 tecken.");
        if ((text.Innehall?.Length ?? 0) > MaxLangd) fel.Add($"Texten får vara högst {MaxLangd} tecken.");
        if (fel.Count > 0) return (null, fel);

        var (mall, tolkfel) = Tolka(text);
        if (mall is null) return (null, tolkfel);

        fel.AddRange(GranskaHtml(text.Innehall!, katalog, kalla: true));
        // Every branch, not only those the samples take: the names the template reads that no field or tag of its own defines.
        var okanda = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var del in new[] { mall.Amne, mall.Rubrik, mall.Innehall })
        {
            var namn = new Namnlasare();
            namn.VisitTemplate(del);
            okanda.UnionWith(namn.Lasta.Where(n => katalog.FaltMed(n) is null && !namn.Egna.Contains(n) && !Inbyggda.Contains(n)));
        }
        foreach (var exempel in katalog.Exempel)
        {
            RenderatMejl ut;
            try
            {
                ut = await RenderaAsync(mall, katalog, exempel, "Ämne som portalen föreslår", (namn, typ) =>
                {
                    okanda.Add(namn);
                    return ValueTask.FromResult<FluidValue>(NilValue.Instance);
                });
            }
            catch (Exception e) when (e is FluidException or InvalidOperationException or ParseException)
            {
                fel.Add($"Mallen går inte att visa: {Oversatt(e.Message)}");
                break;
            }
            if (ut.Amne.Length == 0) fel.Add("Ämnesraden blir tom med exempeldata.");
            if (ut.Rubrik.Length == 0) fel.Add("Rubriken blir tom med exempeldata.");
            fel.AddRange(GranskaHtml(ut.Html, katalog, kalla: false));
        }
        foreach (var namn in okanda)
            fel.Add($"Fältet \"{namn}\" finns inte i den här mallen. Fälten som finns: {string.Join(", ", katalog.Falt.Select(f => f.Namn))}.");
        var unika = fel.Distinct().ToList();
        return unika.Count > 0 ? (null, unika) : (mall, unika);
    }

    private static string Oversatt(string message) =>
        message.Contains("filter", StringComparison.OrdinalIgnoreCase) ? "ett filter som inte finns används." :
        message.Contains("step", StringComparison.OrdinalIgnoreCase) || message.Contains("recursion", StringComparison.OrdinalIgnoreCase)
            ? "den tar för många steg (en loop utan slut?)." :
        message.Contains("output", StringComparison.OrdinalIgnoreCase) ? "texten blir för lång." : "den kan inte visas med exempeldata.";

    private static readonly HashSet<string> TillatnaTaggar =
        ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "blockquote", "table", "tbody", "thead", "tr", "td", "th"];

    private static readonly Regex EttFalt = new(@"^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$");

    /// <summary>The allowlist: the elements above, no attribute but href on a link, and a link only to http, https or mailto
    /// (or, in the source, a link field standing alone).</summary>
    public static IReadOnlyList<string> GranskaHtml(string html, Mejlmall katalog, bool kalla)
    {
        var fel = new List<string>();
        var dokument = Html.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var element in dokument.Body!.Descendants<IElement>())
        {
            var tagg = element.LocalName;
            if (!TillatnaTaggar.Contains(tagg))
            {
                fel.Add(tagg is "script" or "iframe" or "object" or "embed" or "form" or "style" or "link" or "meta"
                    ? $"Taggen <{tagg}> är inte tillåten i ett mejl: den kan köra kod eller hämta innehåll utifrån."
                    : $"Taggen <{tagg}> är inte tillåten. Tillåtna är: {string.Join(", ", TillatnaTaggar.Where(t => t is not ("tbody" or "thead")).Select(t => $"<{t}>"))}.");
                continue;
            }
            foreach (var attribut in element.Attributes)
            {
                var namn = attribut.Name.ToLowerInvariant();
                if (namn.StartsWith("on"))
                    fel.Add($"Attributet {namn} på <{tagg}> är inte tillåtet: skript körs aldrig i ett mejl.");
                else if (namn == "style")
                    fel.Add($"Attributet style på <{tagg}> är inte tillåtet: mejlets utseende kommer från ramen.");
                else if (namn != "href" || tagg != "a")
                    fel.Add($"Attributet {namn} på <{tagg}> är inte tillåtet; bara href på en länk.");
                else if (!TillatenLank(attribut.Value, katalog, kalla))
                    fel.Add($"Länken \"{attribut.Value}\" är inte tillåten: en länk ska börja med https://, http:// eller mailto: eller vara ett länkfält som {{{{ lank }}}}.");
            }
        }
        return fel;
    }

    private static bool TillatenLank(string href, Mejlmall katalog, bool kalla)
    {
        var v = href.Trim();
        if (v.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return true;
        if (kalla && EttFalt.Match(v) is { Success: true } m) return katalog.FaltMed(m.Groups[1].Value)?.ArLank == true;
        return !kalla && v.Length == 0; // an optional link field that is empty in a sample
    }

    internal static readonly HashSet<string> Inbyggda = new(StringComparer.OrdinalIgnoreCase) { "forloop", "tablerowloop", "blank", "empty", "nil", "null", "true", "false" };

    /// <summary>The names a template reads, in any branch, that are neither <paramref name="falt"/> nor its own nor Liquid's.</summary>
    internal static IEnumerable<string> OkandaNamn(IFluidTemplate mall, IReadOnlyCollection<string> falt)
    {
        var namn = new Namnlasare();
        namn.VisitTemplate(mall);
        return namn.Lasta.Where(n => !falt.Contains(n, StringComparer.OrdinalIgnoreCase) && !namn.Egna.Contains(n) && !Inbyggda.Contains(n));
    }

    /// <summary>The first name of every variable a template reads, and the names it defines itself (for, assign, capture).</summary>
    internal sealed class Namnlasare : Fluid.Ast.AstVisitor
    {
        public HashSet<string> Lasta { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Egna { get; } = new(StringComparer.OrdinalIgnoreCase);

        protected override Fluid.Ast.Expression VisitMemberExpression(Fluid.Ast.MemberExpression memberExpression)
        {
            if (memberExpression.Segments.FirstOrDefault() is Fluid.Ast.IdentifierSegment forsta) Lasta.Add(forsta.Identifier);
            return base.VisitMemberExpression(memberExpression);
        }

        protected override Fluid.Ast.Statement VisitForStatement(Fluid.Ast.ForStatement forStatement)
        {
            Egna.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Fluid.Ast.Statement VisitAssignStatement(Fluid.Ast.AssignStatement assignStatement)
        {
            Egna.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Fluid.Ast.Statement VisitCaptureStatement(Fluid.Ast.CaptureStatement captureStatement)
        {
            Egna.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }
    }

    /// <summary>Member access for the listed types and members only: no other .NET member is reachable from a template.</summary>
    private sealed class BaraListadeFalt : MemberAccessStrategy
    {
        private readonly Dictionary<(Type, string), MemberAccessor> _listade = [];

        public override MemberAccessor GetAccessor(Type type, string name, StringComparer stringComparer)
        {
            foreach (var ((t, n), accessor) in _listade)
                if (t == type && stringComparer.Equals(n, name)) return accessor;
            return null!;
        }

        public override void Register(Type type, string name, MemberAccessor accessor) => _listade[(type, name)] = accessor;
    }
}

/// <summary>The frame of every mail: inline styles only, because mail clients drop style sheets. The text inside is HR's.</summary>
public static class MailRam
{
    public static string Html(string rubrik, string? kommun, string innehall, string sprak = Sprak.Svenska)
    {
        var engelska = sprak == Sprak.Engelska;
        var r = Mejlmotor.Kodning.Encode(rubrik);
        var k = kommun is null ? "" : " – " + Mejlmotor.Kodning.Encode(kommun);
        return $"""
            <!DOCTYPE html>
            <html lang="{(engelska ? Sprak.Engelska : Sprak.Svenska)}">
            <head><meta charset="utf-8" /><title>{r}</title></head>
            <body style="margin:0;padding:0;background:#f5f6f8;font-family:Arial,Helvetica,sans-serif;color:#1d1d1f;">
                <div style="max-width:600px;margin:0 auto;background:#ffffff;">
                    <div style="background:#1b3a63;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold;">
                        ChefsRekrytering{k}
                    </div>
                    <div style="padding:24px;font-size:16px;line-height:1.5;">
                        <h1 style="font-size:22px;margin:0 0 16px;color:#10253f;">{r}</h1>
            {innehall}
                    </div>
                    <div style="padding:16px 24px;font-size:13px;color:#4a4f57;border-top:1px solid #c9ced6;">
                        {(engelska ? "This message was sent automatically from ChefsRekrytering. Please do not reply to it."
                            : "Det här meddelandet skickades automatiskt från ChefsRekrytering. Svara inte på det.")}
                    </div>
                </div>
            </body>
            </html>
            """;
    }
}
