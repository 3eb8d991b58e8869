using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scim;

namespace ChefsRekrytering.Web.Pages.Admin;

/// <summary>The municipality's SCIM tokens, with which Entra ID provisions its people: create one (shown once), revoke one.</summary>
[Authorize(Policy = Behorighet.Admin)]
public class ScimModel(ScimTokenService tokens, MailLinks links) : PageModel
{
    public IReadOnlyList<ScimTokenRad> Rader { get; private set; } = [];
    /// <summary>The token just created: shown in this one answer, never stored, never put in a cookie or a redirect.</summary>
    public string? NyToken { get; private set; }
    /// <summary>The portal's public address (Portal:PublicUrl), never the request's Host header.</summary>
    public string Adress => links.For("/scim/v2");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await tokens.ListaAsync(User, ct) is not { } rader) return Forbid();
        Rader = rader;
        return Page();
    }

    public async Task<IActionResult> OnPostSkapaAsync(CancellationToken ct)
    {
        var result = await tokens.SkapaAsync(User, ct);
        if (!result.Succeeded) return await this.AnswerAsync(result.Result, () => OnGetAsync(ct));
        NyToken = result.Value;
        // The one exception to redirect-after-post: the token must not travel in the one-time-message cookie.
        Response.Headers.CacheControl = "no-store";
        return await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostAterkallaAsync(int id, CancellationToken ct) =>
        await this.AnswerAsync(await tokens.AterkallaAsync(id, User, ct), () => OnGetAsync(ct));
}
