using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Introduktioner;

namespace ChefsRekrytering.Ledarakademin;

/// <summary>Ledarakademin's four steps (Kalix ledarplan: "rekrytering, introduktion, kompetensutveckling och även säkra
/// kompetensväxling vid avslut av anställning").</summary>
public enum Steg
{
    Rekrytering,
    Introduktion,
    Kompetensutveckling,
    [Display(Name = "Kompetensväxling vid avslut")] Kompetensvaxling,
}

public enum StegStatus
{
    Klart,
    [Display(Name = "Pågår")] Pagar,
    Saknas,
    /// <summary>The step does not apply to this manager: hired before or outside the portal, or not leaving.</summary>
    [Display(Name = "Ej aktuellt")] EjAktuellt,
}

/// <summary>The recruitment through which the manager was hired.</summary>
public sealed record RekryteringFakta(int Id, string Titel, string Diarienummer);

public sealed record IntroduktionFakta(int Id, IntroduktionTillstand State, DateOnly Startdatum, int Punkter, int Klara)
{
    public int Procent => Punkter == 0 ? 0 : (int)Math.Round(100.0 * Klara / Punkter);

    /// <summary>The introduction that counts when there are several: a completed one, else the latest that was not
    /// cancelled, else the latest.</summary>
    public static IntroduktionFakta? Galland(IEnumerable<IntroduktionFakta> all)
    {
        var list = all.ToList();
        return list.FirstOrDefault(i => i.State == IntroduktionTillstand.Genomford)
            ?? list.Where(i => i.State != IntroduktionTillstand.Avbruten).MaxBy(i => i.Id)
            ?? list.MaxBy(i => i.Id);
    }
}

public sealed record AktivitetFakta(AktivitetTyp Typ, DateOnly Datum);

public sealed record KompetensvaxlingFakta(int Id, DateOnly SistaDag, int Punkter, int Klara);

/// <summary>What is known about one manager, loaded once for many (see <see cref="LedarakademinService"/>).
/// <see cref="ForePortalen"/>: chef since before the municipality's portal started (not hired through it, and leading a
/// unit since a day before the portal's start or since a day the portal never recorded).</summary>
public sealed record ChefFakta(
    int PersonId, string Namn, string? Titel, int? EnhetId,
    RekryteringFakta? Rekrytering, IntroduktionFakta? Introduktion,
    IReadOnlyList<AktivitetFakta> Aktiviteter, KompetensvaxlingFakta? Kompetensvaxling, bool ForePortalen = false);

/// <summary>One step's state: a status for the tag and the filter, a line that says why, and what is missing.</summary>
public sealed record StegLage(Steg Steg, StegStatus Status, string Text, IReadOnlyList<string> Saknas)
{
    public StegLage(Steg steg, StegStatus status, string text) : this(steg, status, text, []) { }
}

/// <summary>
/// One manager's track through Ledarakademin, calculated from loaded facts and a date; no database, no clock, so each
/// rule is a unit test.
/// </summary>
public sealed record LedarakademinSpar(ChefFakta Chef, int Ar, IReadOnlyList<StegLage> Stegen)
{
    public StegLage this[Steg steg] => Stegen.First(s => s.Steg == steg);

    public static LedarakademinSpar Berakna(ChefFakta chef, DateOnly idag) =>
        new(chef, idag.Year, [Rekrytering(chef), Introduktion(chef, idag), Kompetensutveckling(chef, idag.Year), Kompetensvaxling(chef, idag)]);

    /// <summary>Managers appointed before the portal, or outside it, cannot be hired through it any more: the step does
    /// not apply to them, rather than being missing, so the overview shows what can still be acted on.</summary>
    private static StegLage Rekrytering(ChefFakta c) => c.Rekrytering is { } r
        ? new(Steg.Rekrytering, StegStatus.Klart, $"Anställd genom rekryteringen {r.Diarienummer}")
        : new(Steg.Rekrytering, StegStatus.EjAktuellt, c.ForePortalen ? AnstalldForePortalen : "Anställd utanför portalen");

    /// <summary>Said of a step that a manager from before the portal never went through in it.</summary>
    public const string AnstalldForePortalen = "Anställd före portalen";

    /// <summary>Missing only for a manager who became one while the portal was in use: one from before it had their
    /// introduction before the portal existed, so the step does not apply rather than being an alarm.</summary>
    private static StegLage Introduktion(ChefFakta c, DateOnly idag)
    {
        const Steg steg = Steg.Introduktion;
        return c.Introduktion switch
        {
            null when c.ForePortalen => new(steg, StegStatus.EjAktuellt, AnstalldForePortalen),
            null => new(steg, StegStatus.Saknas, "Ingen introduktion registrerad"),
            { State: IntroduktionTillstand.Genomford } => new(steg, StegStatus.Klart, "Introduktionen är genomförd"),
            { State: IntroduktionTillstand.Pagar or IntroduktionTillstand.Uppfoljning } i =>
                new(steg, StegStatus.Pagar, $"{Workflows.SwedishText.Of(i.State)}, {i.Procent} % klart"),
            // Planned ahead of the start is on time; still planned after the start date, it is late.
            { State: IntroduktionTillstand.Planerad } i when i.Startdatum >= idag =>
                new(steg, StegStatus.Pagar, $"Planerad, startar {i.Startdatum:yyyy-MM-dd}"),
            { State: IntroduktionTillstand.Planerad } i =>
                new(steg, StegStatus.Saknas, $"Planerad men inte startad, startdatum {i.Startdatum:yyyy-MM-dd}"),
            _ => new(steg, StegStatus.Saknas, "Introduktionen avbröts"),
        };
    }

    /// <summary>Per calendar year: medarbetarsamtal and lönesamtal with the närmast högre chef (the policy's "minst en
    /// gång per år") and at least one other development activity (utbildning, chefsnätverk, ...).</summary>
    private static StegLage Kompetensutveckling(ChefFakta c, int ar)
    {
        const Steg steg = Steg.Kompetensutveckling;
        var iAr = c.Aktiviteter.Where(a => a.Datum.Year == ar).ToList();
        var saknas = new List<string>();
        if (!iAr.Any(a => a.Typ == AktivitetTyp.Medarbetarsamtal)) saknas.Add("medarbetarsamtal");
        if (!iAr.Any(a => a.Typ == AktivitetTyp.Lonesamtal)) saknas.Add("lönesamtal");
        var ovriga = iAr.Count(a => !Utvecklingsaktivitet.ArSamtal(a.Typ));
        if (ovriga == 0) saknas.Add("minst en annan utvecklingsaktivitet");

        if (saknas.Count == 0)
            return new(steg, StegStatus.Klart, $"Medarbetarsamtal, lönesamtal och {Workflows.SwedishText.Antal(ovriga, "aktivitet", "aktiviteter")} {ar}");
        if (iAr.Count == 0)
            return new(steg, StegStatus.Saknas, $"Inget registrerat {ar}", saknas);
        return new(steg, StegStatus.Pagar, $"Saknas {ar}: {string.Join(", ", saknas)}", saknas);
    }

    /// <summary>Not a concern until the manager is leaving; then done when every checklist item is done, and overdue
    /// (missing) once the last day has passed with items left.</summary>
    private static StegLage Kompetensvaxling(ChefFakta c, DateOnly idag)
    {
        const Steg steg = Steg.Kompetensvaxling;
        if (c.Kompetensvaxling is not { } k) return new(steg, StegStatus.EjAktuellt, "Inget avslut planerat");
        var kvar = k.Punkter - k.Klara;
        if (k.Punkter > 0 && kvar == 0) return new(steg, StegStatus.Klart, "Överlämningen är klar");
        var punkter = $"{Workflows.SwedishText.Antal(kvar, "punkt", "punkter")} kvar att lämna över";
        return idag > k.SistaDag
            ? new(steg, StegStatus.Saknas, $"Sista dagen {k.SistaDag:yyyy-MM-dd} har passerat, {punkter}", [punkter])
            : new(steg, StegStatus.Pagar, $"Sista dag {k.SistaDag:yyyy-MM-dd}, {k.Klara} av {k.Punkter} klara", [punkter]);
    }
}
