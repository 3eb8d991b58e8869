using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Web.Pages.Konto;

/// <summary>A new manager chooses a password from the link in the welcome mail (an Identity reset token).</summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ValjLosenordModel(LosenordService losenord) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, StringLength(128, MinimumLength = 12), Display(Name = "nytt lösenord")] public string Losenord { get; set; } = "";
        [Required, Compare(nameof(Losenord)), Display(Name = "upprepat lösenord")] public string Upprepa { get; set; } = "";
    }

    public void OnGet() => Response.Headers["Referrer-Policy"] = "no-referrer"; // the token must not leak in a Referer

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await losenord.ValjAsync(Id, Token, Input.Losenord, ct), () => Task.CompletedTask, "/Konto/LoggaIn");
    }
}
