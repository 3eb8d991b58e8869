using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>When references may be recorded for a candidate.</summary>
public static class Referenstagning
{
    /// <summary>Null when references can be recorded now: the candidate is interviewed and still in an open recruitment.</summary>
    public static string? Hinder(Kandidat k, Rekrytering r) =>
        !r.ArOppen ? "Rekryteringen är avslutad; inga fler referenser registreras."
        : !Kandidat.IntervjuadOchKvar.Contains(k.State)
            ? $"Referenser registreras för kandidater som är intervjuade och kvar i rekryteringen. Kandidaten är i läget ”{SwedishText.Of(k.State)}”."
            : null;
}
