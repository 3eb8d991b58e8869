using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages;

/// <summary>Error pages in Swedish. Nothing about the failure's cause is shown to the user.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for failed POSTs too; it renders only
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class FelModel : PageModel
{
    public string Rubrik { get; private set; } = "Något gick fel";
    public string Text { get; private set; } = "Ett oväntat fel inträffade. Försök igen om en stund.";

    public void OnGet(int? kod) => Describe(kod);
    public void OnPost(int? kod) => Describe(kod);

    private void Describe(int? kod)
    {
        (Rubrik, Text) = kod switch
        {
            404 => ("Sidan finns inte", "Adressen leder inte till någon sida. Kontrollera länken eller gå till startsidan."),
            403 => ("Du har inte behörighet", "Din roll ger inte åtkomst till det du försökte öppna."),
            400 => ("Felaktig begäran", "Formuläret kunde inte tas emot. Ladda om sidan och försök igen."),
            413 => ("För stor fil", "Det du skickade var för stort."),
            429 => ("För många försök", "Vänta en stund och försök igen."),
            _ => (Rubrik, Text),
        };
        if (kod is int code) Response.StatusCode = code;
    }
}
