using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;
using T = ChefsRekrytering.AretsChef.KampanjHandelse;

namespace ChefsRekrytering.AretsChef;

public enum KampanjHandelse
{
    [Display(Name = "Öppna nomineringen")] Oppna,
    [Display(Name = "Stäng nomineringen")] Stang,
    [Display(Name = "Starta juryarbetet")] StartaJuryarbete,
    [Display(Name = "Fatta beslut")] Besluta,
    [Display(Name = "Ompröva beslutet")] Omprova,
    [Display(Name = "Tillkännage Årets chef")] Tillkannage,
}

/// <summary>
/// The year's campaign: opened and closed by the scheduler on its dates (never early), then the jury's work, its decision
/// and HR's announcement. A decision may be reconsidered until it is announced.
/// </summary>
/// <param name="nomineringar">How many nominations the campaign has: the jury needs at least one.</param>
public sealed class AretsChefWorkflow(Kampanj kampanj, IWorkflowJournal journal, int nomineringar)
    : Workflow<Kampanj, S, T>(kampanj, journal)
{
    public override string Name => "AretsChef";

    protected override void Configure(StateMachine<S, T> m)
    {
        var k = Subject;
        m.Configure(S.Planerad)
            .PermitIf(T.Oppna, S.NomineringOppen, () => Now >= k.OppnarUtc, $"Nomineringen öppnar {k.Oppnar:yyyy-MM-dd}");
        m.Configure(S.NomineringOppen)
            .PermitIf(T.Stang, S.NomineringStangd, () => Now >= k.StangerUtc, $"Nomineringen är öppen till och med {k.SistaDag:yyyy-MM-dd}");
        m.Configure(S.NomineringStangd)
            .PermitIf(T.StartaJuryarbete, S.Juryarbete, () => nomineringar > 0, "Det finns inga nomineringar att bedöma");
        m.Configure(S.Juryarbete)
            .OnEntryFrom(T.Omprova, () => k.BeslutadUtc = null, "Beslutet tas tillbaka")
            .PermitIf(T.Besluta, S.Beslutad,
                Guard(() => k.VinnarePersonId is not null, "Ingen vinnare är vald"),
                Guard(() => k.VinnarePersonId is int v && k.ArKortlistad(v), "Vinnaren ska finnas på juryns kortlista"),
                Guard(() => !string.IsNullOrWhiteSpace(k.Motivering), "Juryns motivering saknas"));
        m.Configure(S.Beslutad)
            .OnEntry(() => k.BeslutadUtc = Now)
            .Permit(T.Omprova, S.Juryarbete)
            .Permit(T.Tillkannage, S.Tillkannagiven);
        m.Configure(S.Tillkannagiven).OnEntry(() => k.TillkannagivenUtc = Now);
    }
}
