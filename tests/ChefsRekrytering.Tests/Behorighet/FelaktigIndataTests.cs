using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ChefsRekrytering.Tests.Behorighet;

/// <summary>
/// Bad input on every form the portal shows: script and HTML, control characters, path traversal, oversize text,
/// out-of-range numbers and dates, forged ids, wrong files. Each case must end in a Swedish error that changes nothing,
/// or in a save that shows the text encoded; never in a server error, never in unencoded script. A bad date is never
/// saved.
/// </summary>
public class FelaktigIndataTests(ITestOutputHelper output)
{
    private const string Script = "<script>alert('xss')</script><b>fet</b>";

    private static readonly (string Kommun, string? Login, string[] Pages)[] Visits =
    [
        ("kalix", null, ["/konto/logga-in", "/konto/valj-losenord?id=x&token=y"]),
        ("kalix", "rekryterande", ["/rekrytering/ny", "/avveckling"]),
        ("kalix", "hr", ["/introduktion/ny", "/registerutdrag", "/granskning", "/rapporter"]),
        ("kalix", "admin", ["/admin/anvandare", "/admin/organisation"]),
    ];

    [Fact]
    public async Task VarjeFormularTalFelaktigIndataUtanAttNagotAndras()
    {
        // No mail dispatcher in the background: delivering what an accepted case queued would change OutboxMessage
        // between the two fingerprints of a later, refused case (it did, on a loaded machine).
        await using var portal = new PortalFactory().With("Mail:DispatcherEnabled", "false");
        var data = new Testdata(portal);
        var cases = 0;
        var problems = new List<string>();
        var datumformular = new HashSet<string>(); // the actions whose date fields were tried
        var pages = Visits.ToList();
        // Pages that exist only with data: the advertised demo recruitment, its first applicant, the public advert.
        int rekId, kandId;
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var k = await db.Set<Rekryteringar.Kandidat>().OrderBy(x => x.Id).FirstAsync();
            (rekId, kandId) = (k.RekryteringId, k.Id);
        }
        var karin = await data.PersonIdAsync("chef");
        var introId = await data.IntroduktionAsync(karin);
        var arendeId = await data.AvvecklingAsync(karin, "Indatatest.");
        // Årets chef: this year's nomination open, last year's with the jury.
        var year = DateTime.Today.Year;
        await data.KampanjAsync(year);
        await data.KampanjAsync(year - 1, ChefsRekrytering.AretsChef.KampanjTillstand.Juryarbete);
        pages.Add(("kalix", "medarbetare", ["/arets-chef"]));
        pages.Add(("kalix", "jury", [$"/arets-chef/{year - 1}/jury"]));
        pages.Add(("kalix", "hr", ["/arets-chef/kampanjer"]));
        // The advert first: HR's forms may well cancel the recruitment with a script as the reason (saved, shown encoded).
        pages.Insert(0, ("kalix", null, [$"/jobb/{rekId}"]));
        pages.Add(("kalix", "rekryterande", [$"/introduktion/{introId}", $"/avveckling/{arendeId}", $"/ledarakademin/{karin}", $"/uppdragskontrakt/{karin}", $"/sjalvskattning/{karin}"]));
        pages.Add(("kalix", "hr", [$"/rekrytering/{rekId}/kandidater/{kandId}/referenser", $"/rekrytering/{rekId}/kandidater/{kandId}", $"/rekrytering/{rekId}/kravprofil", $"/rekrytering/{rekId}"]));
        // The interview booking form shows only for a reviewed applicant while the recruitment is in its interview phase.
        var intervju = await data.NyIntervju().MedKandidaterILaget(Rekryteringar.KandidatTillstand.Granskad).BuildAsync();
        pages.Add(("kalix", "rekryterande", [$"/rekrytering/{intervju.Id}/kandidater/{intervju.KandidatIds[0]}"]));
        var bokning = pages.Last().Pages[0];

        foreach (var (kommun, login, urls) in pages)
        {
            var client = login is null ? PortalClient.For(portal) : await data.I(kommun).InloggadAsync(login);
            foreach (var url in urls)
            {
                var page = await client.PageAsync(url);
                foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form[method=post]").Where(f => !f.Action.Contains("logga-ut")))
                {
                    var action = ActionOf(form, url);
                    foreach (var (field, value) in Mutations(form))
                    {
                        cases++;
                        if (field.GetAttribute("type") == "date") datumformular.Add(action.ToLowerInvariant());
                        var before = await FingerprintAsync(portal);
                        var response = await PostAsync(client, url, form, field, value);
                        var body = await response.Content.ReadAsStringAsync();
                        var where = $"{action} fält {field.GetAttribute("name")} = {Show(value)}";
                        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.NotFound) problems.Add($"{where}: {(int)response.StatusCode}");
                        else if (body.Contains("<script>alert('xss')")) problems.Add($"{where}: skriptet kom tillbaka okodat");
                        else if (response.StatusCode == HttpStatusCode.OK)
                        {
                            if (!body.Contains("role=\"alert\"")) problems.Add($"{where}: inget felmeddelande");
                            if (await FingerprintAsync(portal) is var after && after.Hash != before.Hash)
                                problems.Add($"{where}: nekades men ändrade ändå data ({string.Join(", ", after.ChangedSince(before))})");
                        }
                        else if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to)
                        {
                            // No form means a day in year 1 or 9999, or one that does not exist: such a date is never saved.
                            // (A redirect to the sign-in pages is a refusal: access denied once the form no longer applies.)
                            var path = to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString;
                            if (field.GetAttribute("type") == "date" && !path.StartsWith("/konto/")) problems.Add($"{where}: datumet sparades");
                            var shown = await client.GetAsync(path);
                            if ((int)shown.StatusCode >= 500) problems.Add($"{where}: sparat, och sidan som visar det gav {(int)shown.StatusCode}");
                            if ((await shown.Content.ReadAsStringAsync()).Contains("<script>alert('xss')")) problems.Add($"{where}: sparat och visat okodat");
                        }
                    }
                    // The same form without its antiforgery token: refused, nothing changed.
                    cases++;
                    var fingerprint = await FingerprintAsync(portal);
                    var forged = await client.Http.PostAsync(action, new FormUrlEncodedContent(Fields(form).Where(f => f.Key != "__RequestVerificationToken")));
                    if (forged.StatusCode != HttpStatusCode.BadRequest) problems.Add($"{action} utan antiforgery-token: {(int)forged.StatusCode}");
                    if (await FingerprintAsync(portal) is var efter && efter.Hash != fingerprint.Hash)
                        problems.Add($"{action} utan antiforgery-token ändrade data ({string.Join(", ", efter.ChangedSince(fingerprint))})");
                }
            }
        }
        output.WriteLine($"{cases} fall prövade, {problems.Count} problem.");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(60)));
        Assert.True(cases > 200, $"bara {cases} fall");
        // The forms that took dates far off to a server error (issue 14) were among those tried.
        foreach (var (url, handler) in new[] { (bokning, "Boka"), ($"/introduktion/{introId}", "Boka"), ($"/avveckling/{arendeId}", "Atgard") })
            Assert.True(datumformular.Any(a => a.StartsWith(url.ToLowerInvariant() + "?") && a.Contains($"handler={handler}".ToLowerInvariant())),
                $"{url} {handler} prövades inte med datum");
    }

    [Fact]
    public async Task ForStorBegaranAvvisasMedSvensktBesked()
    {
        await using var portal = new PortalFactory();
        int rekId;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            rekId = (await db.Set<Rekryteringar.Kandidat>().FirstAsync()).RekryteringId;
        var client = PortalClient.For(portal);
        await client.GetAsync($"/jobb/{rekId}");
        var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[30 * 1024 * 1024]), "Input.Cv", "cv.pdf" } };
        var response = await client.Http.PostAsync($"/jobb/{rekId}", content);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}");
        Assert.Contains("för stor", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    /// <summary>Per field, the bad values that fit its kind.</summary>
    private static IEnumerable<(IElement Field, string Value)> Mutations(IHtmlFormElement form)
    {
        foreach (var field in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var type = field.GetAttribute("type") ?? field.LocalName;
            if (field.GetAttribute("name") == "__RequestVerificationToken" || type is "file" or "submit") continue;
            IEnumerable<string> values = type switch
            {
                "number" => ["-1", "99999999999", "NaN", "3,5"],
                "date" => ["0001-01-01", "9999-12-31", "2026-02-30", "igår"],
                "time" => ["25:61", "kväll"],
                "checkbox" or "radio" => ["kanske", "999999"],
                "select" => ["999999", "-1", "<script>"],
                "hidden" => ["999999", Guid.Empty.ToString(), "../../etc/passwd"],
                _ => [Script, "\u0000\u0007\u001b kontrolltecken", "../../../../etc/passwd", new string('å', 100_000), "999999"],
            };
            foreach (var value in values) yield return (field, value);
        }
    }

    /// <summary>
    /// Posts the form with one field bad. The other fields are taken from the page as it is now (a save before may have
    /// changed the record's version); in a form with a date or a time, the empty ones are filled in as a person would, so
    /// the bad value is what the form is judged on and not the empty field beside it.
    /// </summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string url, IHtmlFormElement form, IElement field, string value)
    {
        var action = ActionOf(form, url);
        var page = PortalClient.Parse(await (await client.GetAsync(url)).Content.ReadAsStringAsync()); // a fresh antiforgery token
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var same = page.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>().Where(f => ActionOf(f, url) == action).ToList();
        var index = form.Owner!.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>().Where(f => ActionOf(f, url) == action).ToList().IndexOf(form);
        var now = index >= 0 && index < same.Count ? same[index] : form;
        var fields = Fields(now, filled: now.QuerySelector("input[type=date], input[type=time]") is not null)
            .Where(f => f.Key != field.GetAttribute("name") && f.Key != "__RequestVerificationToken").ToList();
        fields.Add(new(field.GetAttribute("name")!, value));
        fields.Add(new("__RequestVerificationToken", token));
        if (form.Enctype == "multipart/form-data")
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (k, v) in fields) multipart.Add(new StringContent(v), k);
            // A program dressed as a PDF: the bytes decide, not the name.
            foreach (var file in form.QuerySelectorAll("input[type=file][name]"))
                multipart.Add(new ByteArrayContent("MZ\u0090\0fake program"u8.ToArray()), file.GetAttribute("name")!, "..\\..\\cv.pdf");
            return await client.Http.PostAsync(action, multipart);
        }
        return await client.Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The form's fields as a browser would send them: unchanged, or with the empty ones <paramref name="filled"/> in
    /// (text, the first real choice of a list, a day a week ahead or the latest the field allows, ten o'clock).</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, bool filled = false) =>
        form.QuerySelectorAll("input[name], textarea[name], select[name]")
            .Where(e => (e.GetAttribute("type") ?? "") is not ("file" or "submit") && ((e.GetAttribute("type") ?? "") is not ("checkbox" or "radio") || e.HasAttribute("checked")))
            .Select(e => (Field: e, Value: e switch
            {
                IHtmlTextAreaElement t => t.Value,
                IHtmlSelectElement s => s.Value ?? "",
                _ => e.GetAttribute("value") ?? "",
            }))
            .Select(f => new KeyValuePair<string, string>(f.Field.GetAttribute("name")!, filled && f.Value.Length == 0 ? Plausible(f.Field) : f.Value)).ToList();

    private static string Plausible(IElement field) => (field as IHtmlSelectElement)?.Options.FirstOrDefault(o => o.Value != "")?.Value ?? (field.GetAttribute("type") ?? field.LocalName) switch
    {
        "date" => new[] { DateOnly.FromDateTime(DateTime.Today).AddDays(7), DateOnly.TryParse(field.GetAttribute("max"), out var max) ? max : DateOnly.MaxValue }.Min().ToString("yyyy-MM-dd"),
        "time" => "10:00",
        "text" or "textarea" or "email" or "tel" => "Indatatest med en vanlig rad text",
        _ => "",
    };

    /// <summary>Every row of every table (<see cref="DatabaseFingerprint"/>).</summary>
    private static Task<DatabaseFingerprint.Fingerprint> FingerprintAsync(PortalFactory portal) => DatabaseFingerprint.OfAsync(portal);

    /// <summary>The form's own action attribute (the parsed property would encode its query string), else the page itself.</summary>
    private static string ActionOf(IHtmlFormElement form, string url) => System.Net.WebUtility.HtmlDecode(form.GetAttribute("action") ?? url);

    private static string Show(string value) => value.Length > 40 ? value[..20] + $"…({value.Length} tecken)" : value.Replace("\u0000", "\\0");
}
