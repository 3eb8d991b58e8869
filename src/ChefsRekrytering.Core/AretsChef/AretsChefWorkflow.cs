using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;
using T = ChefsRekrytering.AretsChef.KampanjHandelse;

namespace ChefsRekrytering.AretsChef;

public enum KampanjHandelse
{
    [Display(Name = "Öppna nomineringen"), Done("Nomineringen är öppen.")] Oppna,
    [Display(Name = "Stäng nomineringen"), Done("Nomineringen är stängd.")] Stang,
    [Display(Name = "Starta juryarbetet"), Done("Juryns arbete har börjat.")] StartaJuryarbete,
    [Display(Name = "Fatta beslut"), Done("Juryns beslut är fattat.")] Besluta,
    [Display(Name = "Ompröva beslutet"), Done("Beslutet är öppnat för omprövning.")] Omprova,
    [Display(Name = "Tillkännage Årets chef"), Done("Årets chef är tillkännagiven.")] Tillkannage,
}

/// <summary>The jury's decision, the payload of <see cref="KampanjHandelse.Besluta"/>: the winner as named when decided
/// (with the units they lead), the motivation, and who decided.</summary>
public sealed record Jurybeslut(int? VinnarePersonId, string? VinnareNamn, string? VinnareEnhet, string? Motivering, string BeslutadAv);

/// <summary>
/// The year's campaign: opened and closed by the scheduler on its dates (never early), then the jury's work, its decision
/// and HR's announcement. A decision may be reconsidered until it is announced.
/// </summary>
/// <param name="nomineringar">How many nominations the campaign has: the jury needs at least one.</param>
public sealed class AretsChefWorkflow(Kampanj kampanj, IWorkflowJournal journal, int nomineringar)
    : Workflow<Kampanj, S, T>(kampanj, journal)
{
    public const string InteOppningsdag = "inte-oppningsdag";
    public const string NomineringenPagar = "nomineringen-pagar";
    public const string IngaNomineringar = "inga-nomineringar";
    public const string VinnareSaknas = "vinnare-saknas";
    public const string VinnareInteKortlistad = "vinnare-inte-kortlistad";
    public const string MotiveringSaknas = "motivering-saknas";

    /// <summary>The nomination has closed: from here on the jury (and HR) read the nominations.</summary>
    public static readonly IReadOnlySet<S> NomineringenStangd = new HashSet<S> { S.NomineringStangd, S.Juryarbete, S.Beslutad, S.Tillkannagiven };
    /// <summary>Closed and not yet announced: the jury is at work, or has decided and HR is to announce.</summary>
    public static readonly IReadOnlySet<S> Juryfasen = new HashSet<S> { S.NomineringStangd, S.Juryarbete, S.Beslutad };
    /// <summary>The jury has decided, announced or not.</summary>
    public static readonly IReadOnlySet<S> Beslutade = new HashSet<S> { S.Beslutad, S.Tillkannagiven };
    /// <summary>HR may still change the campaign's dates and settings: everything before the announcement.</summary>
    public static readonly IReadOnlySet<S> Andringsbara = new HashSet<S> { S.Planerad, S.NomineringOppen, S.NomineringStangd, S.Juryarbete, S.Beslutad };
    /// <summary>The last day can still move: before and during the nomination. The opening day only while planned.</summary>
    public static readonly IReadOnlySet<S> SistaDagenKanFlyttas = new HashSet<S> { S.Planerad, S.NomineringOppen };

    /// <summary>The steps the jury takes with a button; the dates open and close, the decision has its own form, HR announces.</summary>
    public static readonly IReadOnlySet<T> JurynsKnappar = new HashSet<T> { T.StartaJuryarbete, T.Omprova };

    public override string Name => "AretsChef";

    /// <summary>The decision travels with its trigger; <see cref="Configure"/> stores it on entry to Beslutad.</summary>
    public StateMachine<S, T>.TriggerWithParameters<Jurybeslut> Besluta { get; private set; } = null!;

    protected override void Configure(StateMachine<S, T> m)
    {
        var k = Subject;
        Besluta = m.SetTriggerParameters<Jurybeslut>(T.Besluta);
        m.Configure(S.Planerad)
            .PermitIf(T.Oppna, S.NomineringOppen, Guard(InteOppningsdag, () => Now >= k.OppnarUtc, $"Nomineringen öppnar {k.Oppnar:yyyy-MM-dd}"));
        m.Configure(S.NomineringOppen)
            .PermitIf(T.Stang, S.NomineringStangd, Guard(NomineringenPagar, () => Now >= k.StangerUtc, $"Nomineringen är öppen till och med {k.SistaDag:yyyy-MM-dd}"));
        m.Configure(S.NomineringStangd)
            .PermitIf(T.StartaJuryarbete, S.Juryarbete, Guard(IngaNomineringar, () => nomineringar > 0, "Det finns inga nomineringar att bedöma"));
        m.Configure(S.Juryarbete)
            .OnEntryFrom(T.Omprova, () => k.BeslutadUtc = null, "Beslutet tas tillbaka")
            .PermitIf(Besluta, S.Beslutad,
                Guard<Jurybeslut>(VinnareSaknas, b => b?.VinnarePersonId is not null, "Ingen vinnare är vald"),
                Guard<Jurybeslut>(VinnareInteKortlistad, b => b?.VinnarePersonId is int v && k.ArKortlistad(v), "Vinnaren ska finnas på juryns kortlista"),
                Guard<Jurybeslut>(MotiveringSaknas, b => !string.IsNullOrWhiteSpace(b?.Motivering), "Juryns motivering saknas"));
        m.Configure(S.Beslutad)
            .OnEntryFrom(Besluta, b =>
            {
                (k.VinnarePersonId, k.VinnareNamn, k.VinnareEnhet) = (b.VinnarePersonId, b.VinnareNamn, b.VinnareEnhet);
                (k.Motivering, k.BeslutadAv, k.BeslutadUtc) = (b.Motivering!.Trim(), b.BeslutadAv, Now);
            }, "Vinnaren och motiveringen sparas")
            .Permit(T.Omprova, S.Juryarbete)
            .Permit(T.Tillkannage, S.Tillkannagiven);
        m.Configure(S.Tillkannagiven).OnEntry(() => k.TillkannagivenUtc = Now);
    }
}
