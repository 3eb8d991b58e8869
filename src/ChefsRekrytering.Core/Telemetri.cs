using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChefsRekrytering;

/// <summary>
/// The portal's own spans and metrics, named in this one place. Without a configured exporter nothing listens, so a
/// span is never created (<c>StartActivity</c> returns null) and a counter's Add does nothing. What is recorded here
/// never names a person: process and trigger names, job types, municipality ids, outcomes and counts.
/// </summary>
public static class Telemetri
{
    /// <summary>The ActivitySource's and the Meter's name.</summary>
    public const string Namn = "ChefsRekrytering";

    public static readonly ActivitySource Kalla = new(Namn);
    public static readonly Meter Matare = new(Namn);

    // Spans
    public const string UtskickSpan = "outbox.dispatch";     // one claimed batch of mail
    public const string MejlSpan = "outbox.send";            // one mail handed to the transport
    public const string JobbSpan = "scheduler.job";          // one scheduled job run

    // Metrics (the gauges are observed by the web host's sampler, which reads the database off the request path)
    public const string UtskickKo = "chefsrekrytering.outbox.backlog";
    public const string UtskickAlder = "chefsrekrytering.outbox.age";
    public const string JobbForfallna = "chefsrekrytering.scheduler.jobs_due";
    public const string Inloggningar = "chefsrekrytering.signins";
    public const string NekadeSteg = "chefsrekrytering.workflow.refused_triggers";

    private static readonly Counter<long> InloggningarRaknare =
        Matare.CreateCounter<long>(Inloggningar, "{signin}", "Sign-in attempts by method and outcome.");
    private static readonly Counter<long> NekadeStegRaknare =
        Matare.CreateCounter<long>(NekadeSteg, "{trigger}", "Triggers a workflow refused (a guard unmet, wrong state, a missing comment).");

    /// <summary>A sign-in attempt ended: <paramref name="metod"/> is "password" or "oidc"; never who tried.</summary>
    public static void Inloggning(string metod, string utfall) =>
        InloggningarRaknare.Add(1, new("method", metod), new("outcome", utfall));

    public static void NekatSteg(string process, string trigger) =>
        NekadeStegRaknare.Add(1, new("process", process), new("trigger", trigger));

    /// <summary>Marks a span failed by the exception's type only: its message may quote an address (an SMTP refusal does).</summary>
    public static void Misslyckades(Activity? span, Exception e)
    {
        span?.SetStatus(ActivityStatusCode.Error);
        span?.SetTag("error.type", e.GetType().FullName);
    }
}
