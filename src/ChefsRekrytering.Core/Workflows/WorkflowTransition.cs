using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Workflows;

/// <summary>One fired trigger: who moved which record from which state to which, when, and why.</summary>
public class WorkflowTransition : IKommunEntity
{
    public long Id { get; set; }
    public required string KommunId { get; set; }
    /// <summary>The process, e.g. "Rekrytering"; with <see cref="SubjectId"/> it names the record.</summary>
    public required string Workflow { get; set; }
    public int SubjectId { get; set; }
    public required string FromState { get; set; }
    public required string ToState { get; set; }
    public required string Trigger { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Comment { get; set; }
}

/// <summary>Who fires a trigger. "System" for the scheduler.</summary>
public sealed record Actor(string? UserId, string Namn)
{
    public static readonly Actor System = new(null, "Systemet");
}

/// <summary>Where fired transitions are written; the DbContext in the app, a list in unit tests.</summary>
public interface IWorkflowJournal
{
    void Record(WorkflowTransition transition);
    DateTime UtcNow { get; }
}

/// <summary>A record whose state a workflow machine reads and writes (Stateless external state storage).</summary>
public interface IWorkflowSubject<TState> : IKommunEntity, IVersioned where TState : struct, Enum
{
    int Id { get; }
    TState State { get; set; }
}
