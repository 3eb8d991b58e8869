namespace ChefsRekrytering.Rekryteringar;

/// <summary>
/// Behaviour-based questions: the same for every candidate, one per competence, asking for a real past situation
/// (what happened, what the candidate did, what came of it).
/// </summary>
public static class Intervjufragor
{
    public static string For(string kompetens)
    {
        var text = kompetens.Trim().TrimEnd('.');
        return $"Berätta om en konkret situation från ditt arbete som visar hur du lever upp till: ”{text}”. " +
               "Vad var situationen, vad gjorde du och vad blev resultatet?";
    }

    /// <summary>The scale every interviewer scores against.</summary>
    public static readonly IReadOnlyList<(int Poang, string Text)> Skala =
    [
        (1, "Saknas – inga exempel"),
        (2, "Svag – enstaka, vaga exempel"),
        (3, "Godtagbar – exempel som motsvarar kravet"),
        (4, "God – flera tydliga exempel med resultat"),
        (5, "Utmärkt – starka exempel som överträffar kravet"),
    ];
}
