using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Introduktioner;

/// <summary>HR starts an introduction for a manager hired outside the portal.</summary>
[Authorize(Policy = Behorighet.HR)]
public class NyModel(AppDbContext db, IntroduktionService service, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<SelectListItem> Personer { get; private set; } = [];
    public List<SelectListItem> Chefer { get; private set; } = [];

    public sealed class InputModel
    {
        [Required, Display(Name = "ny chef")] public int? PersonId { get; set; }
        [Required, StringLength(200), Display(Name = "befattning")] public string Befattning { get; set; } = "";
        [Required, Display(Name = "startdatum")] public DateOnly? Startdatum { get; set; }
        [Required, Display(Name = "anställande chef")] public string? AnstallandeChefUserId { get; set; }
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var person = Input.PersonId is int id ? await db.Personer.FirstOrDefaultAsync(p => p.Id == id) : null;
        if (Input.PersonId is not null && person is null) ModelState.AddModelError("Input.PersonId", "Personen finns inte.");
        var hiring = Input.AnstallandeChefUserId is { } uid ? await users.FindByIdAsync(uid) : null;
        if (Input.AnstallandeChefUserId is not null && (hiring is null || hiring.KommunId != User.KommunId()))
            ModelState.AddModelError("Input.AnstallandeChefUserId", "Den anställande chefen finns inte.");
        // The introduction's own window, once the date is a date at all (SensibleDates).
        if (Input.Startdatum is { } start && ModelState.GetValidationState("Input.Startdatum") != ModelValidationState.Invalid
            && service.StartdatumFel(start) is { } fel) ModelState.AddModelError("Input.Startdatum", fel);
        if (person is not null && await db.Set<Introduktion>().AnyAsync(i => i.ChefPersonId == person.Id && i.State != IntroduktionTillstand.Avbruten && i.State != IntroduktionTillstand.Genomford))
            ModelState.AddModelError("Input.PersonId", "Personen har redan en pågående introduktion.");
        if (!ModelState.IsValid || person is null || hiring is null)
        {
            await LoadAsync();
            return Page();
        }
        var intro = service.Create(person, Input.Befattning.Trim(), Input.Startdatum!.Value, hiring.Id, hiring.Namn, rekryteringId: null);
        await db.SaveChangesAsync();
        TempData["Meddelande"] = $"Introduktionen för {person.Namn} är skapad. Ett välkomstmejl skickas till {person.Namn}.";
        return Redirect($"/introduktion/{intro.Id}");
    }

    private async Task LoadAsync()
    {
        Personer = (await db.Personer.OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn).ToListAsync())
            .Select(p => new SelectListItem($"{p.Namn}{(p.Titel is null ? "" : $", {p.Titel}")}", p.Id.ToString())).ToList();
        var kommunId = User.KommunId();
        Chefer = (await users.GetUsersInRoleAsync(Roller.Chef)).Where(u => u.KommunId == kommunId).OrderBy(u => u.Namn)
            .Select(u => new SelectListItem(u.Namn, u.Id)).ToList();
    }
}
