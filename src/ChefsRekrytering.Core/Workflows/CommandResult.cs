using System.Diagnostics.CodeAnalysis;

namespace ChefsRekrytering.Workflows;

public enum Outcome { Done, Refused, NotFound, Conflict, Forbidden }

/// <summary>
/// What a feature service's command answers a page: done (with a line for the person), refused with Swedish reasons,
/// not found, changed by someone else meanwhile, or forbidden (the person sees the record but this step is not theirs).
/// The page redirects on done and shows the reasons otherwise.
/// </summary>
public sealed record CommandResult(Outcome Outcome, IReadOnlyList<string> Reasons, string? Message = null)
{
    public bool Succeeded => Outcome == Outcome.Done;

    public static CommandResult Done(string? message = null) => new(Outcome.Done, [], message);
    public static CommandResult Refused(params string[] reasons) => new(Outcome.Refused, reasons);
    public static CommandResult Refused(IReadOnlyList<string> reasons) => new(Outcome.Refused, reasons);
    public static readonly CommandResult NotFound = new(Outcome.NotFound, []);
    public static CommandResult Conflict(string reason) => new(Outcome.Conflict, [reason]);
    /// <summary>Someone who may see the record but not take this step (a panel member posting the owner's form): 403.</summary>
    public static readonly CommandResult Forbidden = new(Outcome.Forbidden, []);
}

/// <summary>A command's result with the record it made.</summary>
public sealed record CommandResult<T>(CommandResult Result, T? Value)
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Result.Succeeded && Value is not null;
}
