using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Web.Pages.Avveckling;

/// <summary>One confidential case: the action plan, follow-ups, attachments, evaluation and outcome. Every visit is logged.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
// Razor Pages take a size limit on the page, not on a handler: it is the attachment's, and more than any other form needs.
[RequestSizeLimit(12 * 1024 * 1024)]
[Lasloggas(Granskningsobjekt.Avveckling, "id", "Ärendet öppnat")]
public class DetaljerModel(AvvecklingService service) : PageModel
{
    public AvvecklingDetaljer Detaljer { get; private set; } = null!;
    public AvvecklingsArende Arende => Detaljer.Arende;

    /// <summary>The version of the case the forms were built from.</summary>
    [BindProperty] public Guid Version { get; set; }
    public AtgardInput NyAtgard { get; set; } = new();
    public UtvarderingInput Utvardering { get; set; } = new();

    public sealed class AtgardInput
    {
        [Required, StringLength(2000), Display(Name = "åtgärd"), DataType(DataType.MultilineText)] public string Beskrivning { get; set; } = "";
        [Required, StringLength(200), Display(Name = "ansvarig")] public string Ansvarig { get; set; } = "";
        [Required, Display(Name = "datum")] public DateOnly? Datum { get; set; }
        [Required, Display(Name = "uppföljningsdatum")] public DateOnly? Uppfoljning { get; set; }
        [Display(Name = "stöd till chefen")] public bool ArStod { get; set; }
    }

    public sealed class UtvarderingInput
    {
        [Required, Display(Name = "utfall")] public AvvecklingUtfall? Utfall { get; set; }
        [Required, StringLength(4000), Display(Name = "utvärdering"), DataType(DataType.MultilineText)] public string Text { get; set; } = "";
        [Display(Name = "sista dag som chef")] public DateOnly? SistaDag { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Utvardering = new UtvarderingInput { Utfall = Arende.Utfall, Text = Arende.Utvardering ?? "", SistaDag = Arende.SistaDagSomChef };
        return Page();
    }

    public Task<IActionResult> OnPostFireAsync(int id, AvvecklingHandelse trigger) =>
        AnswerAsync(id, () => service.FireAsync(id, Version, trigger, User, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostAtgardAsync(int id, [Bind(Prefix = nameof(NyAtgard))] AtgardInput input)
    {
        NyAtgard = input;
        return AnswerAsync(id, () => service.LaggTillAtgardAsync(id, Version,
            new PlaneradAtgard(input.Beskrivning, input.Ansvarig, input.Datum!.Value, input.Uppfoljning!.Value, input.ArStod), User, HttpContext.RequestAborted));
    }

    public Task<IActionResult> OnPostGenomfordAsync(int id, int atgardId) =>
        AnswerAsync(id, () => service.MarkeraGenomfordAsync(id, Version, atgardId, User, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostAnteckningAsync(int id, int atgardId, [DataType(DataType.MultilineText)] string? text) =>
        AnswerAsync(id, () => service.SkrivAnteckningAsync(id, Version, atgardId, text, User, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostUtvarderingAsync(int id, [Bind(Prefix = nameof(Utvardering))] UtvarderingInput input)
    {
        Utvardering = input;
        return AnswerAsync(id, () => service.SparaUtvarderingAsync(id, Version, new(input.Utfall!.Value, input.Text, input.SistaDag), User, HttpContext.RequestAborted));
    }

    public async Task<IActionResult> OnPostBilagaAsync(int id, IFormFile? fil)
    {
        await using var innehall = fil?.OpenReadStream();
        return await this.AnswerAsync(await service.LaggTillBilagaAsync(id, innehall, fil?.FileName, User, HttpContext.RequestAborted), () => LoadAsync(id));
    }

    private Task<IActionResult> AnswerAsync(int id, Func<Task<CommandResult>> command) => this.AnswerFormAsync(command, () => LoadAsync(id));

    private async Task<bool> LoadAsync(int id)
    {
        if (await service.DetaljerAsync(id, User, HttpContext.RequestAborted) is not { } detaljer) return false;
        Detaljer = detaljer;
        Version = detaljer.Arende.Version;
        return true;
    }
}
