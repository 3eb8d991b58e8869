using Stateless;
using Stateless.Graph;

namespace ChefsRekrytering.Workflows;

/// <summary>
/// Base of every process: a Stateless machine whose state lives on an EF entity (external state storage),
/// so the database row is the truth and the machine is rebuilt per request. Guards carry Swedish
/// descriptions; <see cref="Actions"/> tells a page what it may offer and why the rest is not yet possible;
/// every fired trigger is written to the journal.
/// </summary>
public abstract class Workflow<TSubject, TState, TTrigger>
    where TSubject : IWorkflowSubject<TState>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly IWorkflowJournal _journal;
    private (Actor Actor, string? Comment)? _firing;
    /// <summary>Each guard's code by its Swedish text (Stateless reports unmet guards by their text).</summary>
    private readonly Dictionary<string, string> _codes = new();

    protected Workflow(TSubject subject, IWorkflowJournal journal)
    {
        Subject = subject;
        _journal = journal;
        Machine = new StateMachine<TState, TTrigger>(() => subject.State, s => subject.State = s);
        Machine.OnTransitioned(Record);
        Configure(Machine);
    }

    /// <summary>The journal's clock, for the times a process stamps on its record (decided, closed ...).</summary>
    protected DateTime Now => _journal.UtcNow;

    /// <summary>The process name stored with each transition, e.g. "Rekrytering".</summary>
    public abstract string Name { get; }

    public TSubject Subject { get; }
    public TState State => Subject.State;
    protected StateMachine<TState, TTrigger> Machine { get; }

    /// <summary>The comment of the trigger being fired, for entry actions that store it (e.g. a reason).</summary>
    protected string? FiringComment => _firing?.Comment;

    /// <summary>A guard with its Swedish explanation, for PermitIf with several guards.</summary>
    protected static Tuple<Func<bool>, string> Guard(Func<bool> condition, string whenUnmet) => Tuple.Create(condition, whenUnmet);

    /// <summary>A guard with a code for the program and a Swedish sentence for the person: pages and services test the
    /// code (<see cref="GuardReason.Code"/>), never the text, so the wording can change freely.</summary>
    protected Tuple<Func<bool>, string> Guard(string code, Func<bool> condition, string whenUnmet)
    {
        _codes[whenUnmet] = code;
        return Tuple.Create(condition, whenUnmet);
    }

    /// <summary>Unmet guards as reasons with their codes; a guard declared without a code has its text as code.</summary>
    private IReadOnlyList<GuardReason> Reasons(IEnumerable<string>? unmet) =>
        (unmet ?? []).Select(text => new GuardReason(_codes.GetValueOrDefault(text, text), text)).ToList();

    protected abstract void Configure(StateMachine<TState, TTrigger> machine);

    /// <summary>Triggers that must carry a comment, such as a reason for cancelling.</summary>
    protected virtual bool RequiresComment(TTrigger trigger) => false;

    /// <summary>Every trigger the current state knows, each permitted or refused with its reasons.</summary>
    public IReadOnlyList<WorkflowAction<TTrigger>> Actions() =>
        Enum.GetValues<TTrigger>()
            .Select(t => (Trigger: t, Can: Machine.CanFire(t, out var unmet), Unmet: unmet ?? []))
            .Where(x => x.Can || x.Unmet.Count > 0)
            .Select(x => new WorkflowAction<TTrigger>(x.Trigger, SwedishText.Of(x.Trigger), x.Can,
                x.Can ? [] : Reasons(x.Unmet), RequiresComment(x.Trigger)))
            .ToList();

    public bool CanFire(TTrigger trigger) => Machine.CanFire(trigger);

    /// <summary>Fires the trigger if the process allows it now; a refusal changes nothing and says why in Swedish.</summary>
    public WorkflowResult Fire(TTrigger trigger, Actor actor, string? comment = null) =>
        Fire(trigger, actor, comment, () => (Machine.CanFire(trigger, out var unmet), unmet), () => Machine.Fire(trigger));

    /// <summary>Fires a trigger that carries its payload (<c>SetTriggerParameters</c>): its guards judge the payload and
    /// <c>OnEntryFrom</c> stores it, so what a step writes is written by the machine. Refused exactly as the plain
    /// <see cref="Fire(TTrigger, Actor, string?)"/>, and then nothing changes.</summary>
    public WorkflowResult Fire<TPayload>(StateMachine<TState, TTrigger>.TriggerWithParameters<TPayload> trigger, TPayload payload,
        Actor actor, string? comment = null) =>
        Fire(trigger.Trigger, actor, comment, () => (Machine.CanFire(trigger, payload, out var unmet), unmet), () => Machine.Fire(trigger, payload));

    /// <summary>A guard of a trigger that carries a payload: it judges the payload, which is null when the page only asks
    /// what it may offer (<see cref="Actions"/>).</summary>
    protected Tuple<Func<TArg, bool>, string> Guard<TArg>(string code, Func<TArg, bool> condition, string whenUnmet)
    {
        _codes[whenUnmet] = code;
        return Tuple.Create(condition, whenUnmet);
    }

    private WorkflowResult Fire(TTrigger trigger, Actor actor, string? comment, Func<(bool Can, ICollection<string>? Unmet)> check, Action fire)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var (can, unmet) = check();
        if (!can)
        {
            var reasons = unmet?.Count > 0
                ? Reasons(unmet)
                : [new GuardReason(GuardReason.FelLage, $"”{SwedishText.Of(trigger)}” går inte att göra när ärendet är i läget ”{SwedishText.Of(State)}”.")];
            Telemetri.NekatSteg(Name, trigger.ToString());
            return WorkflowResult.Refused(reasons);
        }
        if (comment is null && RequiresComment(trigger))
        {
            Telemetri.NekatSteg(Name, trigger.ToString());
            return WorkflowResult.Refused([new GuardReason(GuardReason.KommentarSaknas, $"Ange en kommentar eller ett skäl för ”{SwedishText.Of(trigger)}”.")]);
        }

        _firing = (actor, comment);
        try { fire(); }
        finally { _firing = null; }
        return WorkflowResult.Ok;
    }

    /// <summary>The configured states and transitions, for drawing the process.</summary>
    public Stateless.Reflection.StateMachineInfo Info => Machine.GetInfo();

    /// <summary>The machine as a Mermaid state diagram, generated from the configuration itself.</summary>
    public string ToMermaid() => MermaidGraph.Format(Machine.GetInfo());

    private void Record(StateMachine<TState, TTrigger>.Transition t)
    {
        var (actor, comment) = _firing ?? (Actor.System, null);
        _journal.Record(new WorkflowTransition
        {
            KommunId = Subject.KommunId,
            Workflow = Name,
            SubjectId = Subject.Id,
            FromState = t.Source.ToString(),
            ToState = t.Destination.ToString(),
            Trigger = t.Trigger.ToString(),
            ActorUserId = actor.UserId,
            ActorName = actor.Namn,
            AtUtc = _journal.UtcNow,
            Comment = comment,
        });
    }
}

/// <summary>Why a trigger is refused: a code for the program, a Swedish sentence for the person.</summary>
public sealed record GuardReason(string Code, string Text)
{
    /// <summary>The trigger does not belong to the current state.</summary>
    public const string FelLage = "fel-lage";
    /// <summary>The trigger needs a comment or a reason.</summary>
    public const string KommentarSaknas = "kommentar-saknas";

    public override string ToString() => Text;

    /// <summary>A refusal written as a sentence alone has the sentence as its code, until it is given one of its own.</summary>
    public static implicit operator GuardReason(string text) => new(text, text);
}

public sealed record WorkflowAction<TTrigger>(TTrigger Trigger, string Label, bool Permitted,
    IReadOnlyList<GuardReason> Guards, bool RequiresComment) where TTrigger : struct, Enum
{
    /// <summary>The reasons as the person reads them.</summary>
    public IReadOnlyList<string> Reasons => Guards.Select(g => g.Text).ToList();
    public bool BlockedOnlyBy(params string[] codes) => !Permitted && Guards.Count > 0 && Guards.All(g => codes.Contains(g.Code));
}

public sealed record WorkflowResult(bool Succeeded, IReadOnlyList<GuardReason> Guards)
{
    public static readonly WorkflowResult Ok = new(true, []);
    public static WorkflowResult Refused(IReadOnlyList<GuardReason> reasons) => new(false, reasons);
    /// <summary>A refusal that is not a guard of the machine (a rule of the service), with its code.</summary>
    public static WorkflowResult Refused(string code, string text) => new(false, [new GuardReason(code, text)]);

    /// <summary>The reasons as the person reads them.</summary>
    public IReadOnlyList<string> Reasons => Guards.Select(g => g.Text).ToList();
}
