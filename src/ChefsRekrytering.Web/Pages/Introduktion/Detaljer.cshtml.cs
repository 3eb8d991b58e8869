using ChefsRekrytering.Calendar;
using ChefsRekrytering.Introduktioner;

namespace ChefsRekrytering.Web.Pages.Introduktion;

using Introduktion = ChefsRekrytering.Introduktioner.Introduktion; // the type, which the namespace Pages.Introduktion would hide

/// <summary>One new manager's introduction: the checklist with owners and due dates, progress, follow-up talks.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class DetaljerModel(IntroduktionService service) : PageModel
{
    public IntroduktionDetaljer Detaljer { get; private set; } = null!;
    public Introduktion Introduktion => Detaljer.Introduktion;

    /// <summary>The version of the introduction the forms were built from.</summary>
    [BindProperty] public Guid Version { get; set; }
    public BokningInput Bokning { get; set; } = new();

    public sealed class BokningInput
    {
        [Required, Display(Name = "datum")] public DateOnly? Datum { get; set; }
        [Required, Display(Name = "starttid")] public TimeOnly? Start { get; set; }
        [Range(15, 240), Display(Name = "längd i minuter")] public int Minuter { get; set; } = 60;
        [Required, StringLength(300), Display(Name = "plats")] public string Plats { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostFireAsync(int id, IntroduktionHandelse trigger, [DataType(DataType.MultilineText)] string? kommentar) =>
        AnswerAsync(id, () => service.FireAsync(id, Version, trigger, kommentar, User, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostKlarAsync(int id, int punktId, [DataType(DataType.MultilineText)] string? kommentar) =>
        AnswerAsync(id, () => service.MarkeraKlarAsync(id, Version, punktId, kommentar, User, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostBokaAsync(int id, int punktId, [Bind(Prefix = nameof(Bokning))] BokningInput input)
    {
        Bokning = input;
        return AnswerAsync(id, () => service.BokaUppfoljningAsync(id, Version, punktId, new Motestid(input.Datum!.Value, input.Start!.Value, input.Minuter),
            input.Plats, User, HttpContext.RequestAborted));
    }

    private Task<IActionResult> AnswerAsync(int id, Func<Task<Workflows.CommandResult>> command) => this.AnswerFormAsync(command, () => LoadAsync(id));

    private async Task<bool> LoadAsync(int id)
    {
        if (await service.DetaljerAsync(id, User, HttpContext.RequestAborted) is not { } detaljer) return false;
        Detaljer = detaljer;
        Version = detaljer.Introduktion.Version;
        return true;
    }
}
