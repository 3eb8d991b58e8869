namespace ChefsRekrytering.Policies;

/// <summary>A policy file that cannot serve as a base document; the message names file and field.</summary>
public sealed class PolicyFormatException(string file, string field, string problem)
    : Exception($"Ledarpolicyn i '{file}' är felaktig: fältet '{field}' {problem}.")
{
    public string File { get; } = file;
    public string Field { get; } = field;
    public string Problem { get; } = problem;

    /// <summary>The same fault as HR sees it in the editor: the field by its label, no file name.</summary>
    public string ForRedaktoren => $"{Etikett(Field)} {Problem}.";

    private static string Etikett(string field)
    {
        var root = field.Split('[', '.')[0];
        var label = root switch
        {
            "kommun" => "Kommunens namn", "titel" => "Titeln", "dokumenttyp" => "Dokumenttypen", "antagen_av" => "Beslutande organ",
            "antagen_datum" => "Beslutsdatum", "paragraf" => "Paragrafen", "diarienummer" => "Diarienumret", "kalla" => "Källan",
            "sammanfattning" => "Sammanfattningen", "varderingar" => "Värderingarna", "kompetensomraden" => "Kompetensområdena",
            "forvantningar_pa_arbetsgivaren" => "Förväntningarna på arbetsgivaren", "uppfoljning" => "Uppföljningen",
            "text" => "Policyns text", _ => "Policyn",
        };
        return field.Length > root.Length ? $"{label} ({field[root.Length..].TrimStart('.')})" : label;
    }
}
