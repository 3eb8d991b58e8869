namespace ChefsRekrytering.Kommuner;

/// <summary>A municipality served by this deployment. Its id is also the id of its leadership policy.</summary>
public class Kommun
{
    public required string Id { get; set; }
    public required string Namn { get; set; }
    public DateTime SkapadUtc { get; set; }
}

/// <summary>Every stored record belongs to exactly one municipality; the DbContext filters on it.</summary>
public interface IKommunEntity
{
    string KommunId { get; set; }
}

/// <summary>Optimistic concurrency: the version changes on every save, so two conflicting writes cannot both win.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
