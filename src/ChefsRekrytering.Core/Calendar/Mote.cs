using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Calendar;

public enum MoteStatus { Bokat, Avbokat }

/// <summary>
/// A meeting the portal books (an interview, a follow-up talk). Its invitations share one UID; each update or
/// cancellation raises the sequence so calendar programs replace the earlier version.
/// </summary>
public class Mote : IKommunEntity, IVersioned
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public required string Uid { get; set; }
    public int Sekvens { get; set; }
    public required string Rubrik { get; set; }
    public string? Beskrivning { get; set; }
    public string? Plats { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime SlutUtc { get; set; }
    public required string ArrangorNamn { get; set; }
    public required string ArrangorEpost { get; set; }
    public MoteStatus Status { get; set; } = MoteStatus.Bokat;
    /// <summary>What the meeting belongs to, e.g. "Kandidat:12", so its owner can find and change it.</summary>
    public required string Koppling { get; set; }
    public List<MotesDeltagare> Deltagare { get; set; } = [];
    public Guid Version { get; set; }
}

public class MotesDeltagare
{
    public int Id { get; set; }
    public int MoteId { get; set; }
    public required string Namn { get; set; }
    public required string Epost { get; set; }
    /// <summary>The participant's language when it is not Swedish (an applicant who applied in English); null for Swedish.</summary>
    public string? Sprak { get; set; }
}
