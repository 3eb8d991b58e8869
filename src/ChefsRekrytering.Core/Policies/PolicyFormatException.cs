namespace ChefsRekrytering.Policies;

/// <summary>A policy file that cannot serve as a base document; the message names file and field.</summary>
public sealed class PolicyFormatException(string file, string field, string problem)
    : Exception($"Ledarpolicyn i '{file}' är felaktig: fältet '{field}' {problem}.")
{
    public string File { get; } = file;
    public string Field { get; } = field;
}
