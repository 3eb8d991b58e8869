namespace ChefsRekrytering.Rekryteringar;

/// <summary>How a candidate's answer to the offer is signed (<c>Erbjudande:Signering</c>). Only <see cref="Signering.Ingen"/>
/// exists: the answer is given on the private page with a confirmation box. Signing with e-legitimation is an edge kept
/// open here, not built.</summary>
public sealed class ErbjudandeOptions
{
    public const string Section = "Erbjudande";
    public Signering Signering { get; set; } = Signering.Ingen;
}

public enum Signering { Ingen }

/// <summary>Signs the candidate's answer to the offer, or says in Swedish why it cannot be given now.</summary>
public interface IErbjudandesignering
{
    /// <summary>Null when the answer may be stored; otherwise the reason, for the candidate.</summary>
    Task<string?> HinderAsync(Kandidat kandidat, bool ja, CancellationToken ct);
}

/// <summary>No signing: the confirmed answer on the private page is the answer.</summary>
public sealed class IngenSignering : IErbjudandesignering
{
    public Task<string?> HinderAsync(Kandidat kandidat, bool ja, CancellationToken ct) => Task.FromResult<string?>(null);
}
