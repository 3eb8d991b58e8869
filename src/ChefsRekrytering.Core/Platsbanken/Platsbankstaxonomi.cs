namespace ChefsRekrytering.Platsbanken;

/// <summary>A JobTech taxonomy concept as HR chooses it: its Swedish label, stored as its concept id.</summary>
public sealed record Begrepp(string Id, string Namn);

/// <summary>
/// The few JobTech taxonomy concepts a manager's advert needs, shown by label and stored by concept id.
/// Sources (read 2026-12-03 with the search tool; the taxonomy API itself, taxonomy.api.jobtechdev.se, was not reachable):
/// <list type="bullet">
/// <item>Occupation names and municipalities: Arbetsförmedlingen's own test data, JobtechSwe/sokannonser-api
/// <c>tests/test_resources/concept_ids/occupation.py</c> and <c>concept_ids_geo.py</c>. "Förvaltningschef" is not in it
/// and is left out rather than guessed.</item>
/// <item>Employment type, duration, working-time extent and wage type: a public integration with the Direct Transferred
/// Job Posting API (a Supabase edge function found by the search tool, "Taxonomy concept IDs (JobTech taxonomy, fetched
/// 2026-09-19)"). Not checked against the taxonomy itself.</item>
/// <item>Ljusnarsberg, Vimmerby and Vindeln: not found; not offered until their ids are set in configuration
/// (<see cref="PlatsbankenOptions.Kommunbegrepp"/>), e.g. from
/// <c>https://taxonomy.api.jobtechdev.se/v1/taxonomy/specific/concepts/municipality</c>.</item>
/// </list>
/// </summary>
public static class Platsbankstaxonomi
{
    public static readonly IReadOnlyList<Begrepp> Yrken =
    [
        new("Noad_FWq_mY2", "Enhetschef, offentlig förvaltning"),
        new("6TQs_8i6_per", "Enhetschef inom social omsorg"),
        new("iqE3_kXw_wPM", "Enhetschef, hemtjänst/Områdeschef, hemtjänst"),
        new("ZKKT_4bd_Sxs", "Enhetschef, hälso- och sjukvård"),
        new("41Vq_aR6_yRb", "Verksamhetschef, hälso- och sjukvård"),
        new("hr5f_dci_NcD", "Rektor"),
        new("Cn7e_qQS_nPF", "Biträdande rektor"),
        new("1ERY_48v_Q6m", "Administrativ chef"),
        new("iCy6_G72_abh", "Ekonomichef"),
        new("RVNG_NEy_HMR", "Kulturchef"),
        new("mDBm_pJc_eN6", "Miljöchef"),
        new("dnkr_vvU_JxM", "Näringslivschef"),
        new("Qopb_b1K_cm3", "Gruppledare inom socialtjänst"),
    ];

    /// <summary>Verified municipality concept ids (keyed by the portal's municipality id for the default choice).</summary>
    public static readonly IReadOnlyDictionary<string, Begrepp> Kommuner = new Dictionary<string, Begrepp>
    {
        ["kalix"] = new("cUyN_C9V_HLU", "Kalix"),
        ["alvsbyn"] = new("14WF_zh1_W3y", "Älvsbyn"),
    };

    public static readonly IReadOnlyList<Begrepp> Anstallningstyper =
    [
        new("PFZr_Syz_cUq", "Vanlig anställning"),
        new("Jh8f_q9J_pbJ", "Sommarjobb / feriejobb"),
        new("1paU_aCR_nGn", "Behovsanställning"),
    ];

    public static readonly IReadOnlyList<Begrepp> Varaktigheter =
    [
        new("a7uU_j21_mkL", "Tills vidare"),
        new("qQUd_4qe_NDT", "6 månader eller längre"),
        new("Xj7x_7yZ_jEn", "3–6 månader"),
        new("Sy9J_aRd_ALx", "Upp till 3 månader"),
    ];

    public static readonly IReadOnlyList<Begrepp> Arbetstider =
    [
        new("6YE1_gAC_R2G", "Heltid"),
        new("947z_JGS_Uk2", "Deltid"),
    ];

    public static readonly IReadOnlyList<Begrepp> Lonetyper =
    [
        new("oG8G_9cW_nRf", "Fast månads- vecko- eller timlön"),
    ];

    /// <summary>The municipalities HR may choose: the verified ones and those set in configuration.</summary>
    public static IReadOnlyList<Begrepp> KommunVal(PlatsbankenOptions options) =>
        [.. Kommuner.Values.Concat(options.Kommunbegrepp.Select(k => new Begrepp(k.Value, k.Key))).DistinctBy(b => b.Id).OrderBy(b => b.Namn)];

    public static string? Namn(IEnumerable<Begrepp> lista, string? id) => lista.FirstOrDefault(b => b.Id == id)?.Namn;
}
