using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.RateLimiting;

namespace ChefsRekrytering.Web.Pages.Konto;

/// <summary>"Glömt lösenordet?": a link to choose a new one goes to the address, if it has an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Inloggning)]
public class GlomtLosenordModel(LosenordService losenord) : PageModel
{
    [BindProperty, Required, EmailAddress, Display(Name = "e-postadress")]
    public string Epost { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await losenord.GlomtAsync(Epost, ct), () => Task.CompletedTask, "/Konto/LoggaIn");
    }
}
