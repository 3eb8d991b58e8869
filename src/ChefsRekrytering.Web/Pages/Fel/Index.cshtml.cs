namespace ChefsRekrytering.Web.Pages.Fel;

/// <summary>Error pages in Swedish. Nothing about the failure's cause is shown to the user.</summary>
[AllowAnonymous]
// Re-executed for failed POSTs too; it renders only. Order above the global AutoValidateAntiforgeryToken (1000), or
// that filter stays the effective policy and a POST refused for its token is refused again here, with a blank page.
[IgnoreAntiforgeryToken(Order = 1001)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class IndexModel : PageModel
{
    public string Rubrik { get; private set; } = "Något gick fel";
    public string Text { get; private set; } = "Ett oväntat fel inträffade. Försök igen om en stund.";

    public void OnGet() => Describe(Kod);
    public void OnPost() => Describe(Kod);

    // Read from the route, not model-bound: a failed POST is re-executed here with its body, and binding would read a
    // form that was refused (too large, say) again, fail, and leave the code unknown.
    private int? Kod => int.TryParse(RouteData.Values["kod"]?.ToString(), out var kod) ? kod : null;

    private void Describe(int? kod)
    {
        (Rubrik, Text) = kod switch
        {
            404 => ("Sidan finns inte", "Adressen leder inte till någon sida. Kontrollera länken eller gå till startsidan."),
            403 => ("Du har inte behörighet", "Din roll ger inte åtkomst till det du försökte öppna."),
            400 => ("Felaktig begäran", "Formuläret kunde inte tas emot. Det kan bero på att sidan hade varit öppen länge eller att filerna var för stora. Ladda om sidan och försök igen."),
            413 => ("För stor fil", "Det du skickade var för stort."),
            429 => ("För många försök", "Vänta en stund och försök igen."),
            _ when HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is ChefsRekrytering.Documents.DokumentlagerSvararInteException =>
                ("Dokumentet kan inte hämtas just nu", "Dokumentarkivet svarar inte för tillfället. Ingenting har gått förlorat – försök igen om en stund."),
            _ => (Rubrik, Text),
        };
        if (kod is int code) Response.StatusCode = code;
    }
}
