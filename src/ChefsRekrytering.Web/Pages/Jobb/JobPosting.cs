using System.Text.Json;
using System.Text.Json.Nodes;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Pages.Jobb;

/// <summary>
/// An advert as schema.org's JobPosting (JSON-LD), so job search engines find it. Written by System.Text.Json, whose
/// default encoder escapes &lt; &gt; &amp; ' " and control characters, so no advert field can end the
/// <c>&lt;script type="application/ld+json"&gt;</c> it sits in. That element is a data block, never executed, so the
/// portal's script-src 'self' neither needs nor checks a nonce for it.
/// </summary>
public static class JobPosting
{
    public static string Json(Annons a, string url, string? logotypUrl)
    {
        var organisation = new JsonObject { ["@type"] = "Organization", ["name"] = a.Kommun };
        if (logotypUrl is not null) organisation["logo"] = logotypUrl;
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "JobPosting",
            ["title"] = a.Titel,
            ["description"] = a.Annonstext,
            ["url"] = url,
            ["datePosted"] = new DateTimeOffset(DateTime.SpecifyKind(a.PubliceradUtc, DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:ssK"),
            ["validThrough"] = SistaStund(a.SistaAnsokningsdag).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["hiringOrganization"] = organisation,
            ["jobLocation"] = new JsonObject
            {
                ["@type"] = "Place",
                ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = a.Kommun, ["addressCountry"] = "SE" },
            },
            ["employmentType"] = new JsonArray(Anstallningstyper(a).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["name"] = "Diarienummer", ["value"] = a.Diarienummer },
            ["directApply"] = true,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>The last application day ends at midnight Swedish time: 23:59:59 with that day's offset (+01:00 or +02:00).</summary>
    public static DateTimeOffset SistaStund(DateOnly dag)
    {
        var lokal = dag.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(lokal, SwedishTime.Zone.GetUtcOffset(lokal));
    }

    public static IEnumerable<string> Anstallningstyper(Annons a)
    {
        yield return a.Omfattning >= 100 ? "FULL_TIME" : "PART_TIME";
        if (a.Anstallningsform == Anstallningsform.Visstid) yield return "TEMPORARY";
    }
}
