using ChefsRekrytering.Organisation.Personalimport;

namespace ChefsRekrytering.Web.Pages.Admin;

/// <summary>The HR system's personnel export: upload, see what it would change, apply; and the imports made so far.</summary>
[Authorize(Policy = Behorighet.Admin)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class PersonalimportModel(PersonalimportService import) : PageModel
{
    // Above the service's own limit, so a file just over it gets the Swedish reason rather than a bare 413.
    private const long MaxRequestBytes = PersonalimportParser.MaxBytes + 5 * 1024 * 1024;

    public Forhandsgranskning? Forhandsgranskning { get; private set; }
    public IReadOnlyList<Importhistorik> Historik { get; private set; } = [];
    public Kolumnmappning Kolumner { get; private set; } = new() { KommunId = "" };

    [BindProperty, Display(Name = "personalfil")] public IFormFile? Fil { get; set; }
    /// <summary>The previewed file's checksum, carried to the apply form so the file applied is the one previewed.</summary>
    [BindProperty] public string? Kontrollsumma { get; set; }
    [BindProperty, Display(Name = "bekräfta avgångarna")] public bool BekraftaAvgangar { get; set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostForhandsgranskaAsync()
    {
        if (await ReadAsync() is not { } bytes) return await PageAsync();
        Forhandsgranskning = await import.ForhandsgranskaAsync(bytes, User, HttpContext.RequestAborted);
        if (Forhandsgranskning is null) return Forbid();
        foreach (var hinder in Forhandsgranskning.Hinder) ModelState.AddModelError("", hinder);
        Kontrollsumma = Forhandsgranskning.Avvisas ? null : PersonalimportService.Kontrollsumma(bytes);
        ModelState.Remove(nameof(Kontrollsumma));
        return await PageAsync();
    }

    public async Task<IActionResult> OnPostGenomforAsync()
    {
        if (await ReadAsync() is not { } bytes) return await PageAsync();
        var result = await import.GenomforAsync(bytes, Fil!.FileName, BekraftaAvgangar, User, Kontrollsumma, HttpContext.RequestAborted);
        if (!result.Result.Succeeded) Forhandsgranskning = result.Value;
        return await this.AnswerAsync(result.Result, LoadAsync);
    }

    public async Task<IActionResult> OnGetFilAsync(int id)
    {
        if (await import.FilAsync(id, User, HttpContext.RequestAborted) is not var (namn, fil)) return NotFound();
        return File(fil, PersonalimportParser.ArArbetsbok(fil) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv", namn);
    }

    private async Task<byte[]?> ReadAsync()
    {
        if (Fil is null || Fil.Length == 0)
        {
            ModelState.AddModelError(nameof(Fil), "Välj personalfilen från HR-systemet.");
            return null;
        }
        using var buffer = new MemoryStream();
        await Fil.CopyToAsync(buffer, HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Historik = await import.HistorikAsync(User, HttpContext.RequestAborted);
        Kolumner = await import.KolumnmappningAsync(HttpContext.RequestAborted);
    }
}
