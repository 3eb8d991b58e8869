using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;

namespace ChefsRekrytering.Demo;

/// <summary>The demo municipalities' org trees, people and sign-in accounts, as plain data.</summary>
internal static class DemoOrganisation
{
    public sealed record Unit(string Key, string Namn, EnhetTyp Typ, string? Parent, string? ChefKey);
    public sealed record Employee(string Key, string Fornamn, string Efternamn, string Titel, string UnitKey, string? Login = null, string[]? Roles = null);
    public sealed record Org(string KommunId, Unit[] Units, Employee[] People);

    public static readonly Org[] All =
    [
        new("kalix",
        [
            new("kl", "Kommunledningen", EnhetTyp.Kommunledning, null, "kommunchef"),
            new("soc", "Socialförvaltningen", EnhetTyp.Forvaltning, "kl", "forvchef"),
            new("hemtj", "Hemtjänst Centrum", EnhetTyp.Enhet, "soc", "enhetschef"),
            new("furu", "Äldreboendet Furugården", EnhetTyp.Enhet, "soc", null),
            new("utb", "Utbildningsförvaltningen", EnhetTyp.Forvaltning, "kl", "utbchef"),
            new("skola", "Centrumskolan", EnhetTyp.Enhet, "utb", "rektor"),
            new("age", "Arbetsgivarenheten", EnhetTyp.Avdelning, "kl", "hrchef"),
            new("it", "IT-enheten", EnhetTyp.Avdelning, "kl", "itchef"),
        ],
        [
            new("kommunchef", "Maria", "Lindqvist", "Kommunchef", "kl", "kommunchef", [Roller.Chef]),
            new("forvchef", "Anders", "Nilsson", "Socialchef", "soc", "rekryterande", [Roller.Chef, Roller.RekryterandeChef]),
            new("enhetschef", "Karin", "Öberg", "Enhetschef hemtjänst", "hemtj", "chef", [Roller.Chef]),
            new("utbchef", "Eva", "Bergström", "Skolchef", "utb", null),
            new("rektor", "Johan", "Lundberg", "Rektor", "skola", null),
            new("hrchef", "Sara", "Holm", "HR-chef", "age", null),
            new("hr", "Lena", "Forsberg", "HR-partner", "age", "hr", [Roller.HR]),
            new("itchef", "Per", "Sandberg", "IT-chef", "it", null),
            new("admin", "Nils", "Eriksson", "Systemförvaltare", "it", "admin", [Roller.Admin, Roller.Portaladministrator]),
            new("med1", "Emma", "Johansson", "Undersköterska", "hemtj", "medarbetare", []),
            new("jury", "Oskar", "Marklund", "Undersköterska", "hemtj", "jury", [Roller.Jury]),
            new("med3", "Aisha", "Mohammed", "Vårdbiträde", "hemtj"),
            new("med4", "Henrik", "Wikström", "Sjuksköterska", "furu"),
            new("med5", "Linnea", "Nyström", "Undersköterska", "furu"),
            new("med6", "Erik", "Lindberg", "Lärare", "skola"),
            new("med7", "Sofia", "Karlsson", "Lärare", "skola"),
            new("med8", "Mikael", "Persson", "Fritidspedagog", "skola"),
        ]),
        new("alvsbyn",
        [
            new("kl", "Kommunchefens stab", EnhetTyp.Kommunledning, null, "kommunchef"),
            new("vo", "Verksamhetsområde vård och omsorg", EnhetTyp.Forvaltning, "kl", "vochef"),
            new("vidsel", "Hemtjänsten Vidsel", EnhetTyp.Enhet, "vo", "enhetschef"),
            new("bredagard", "Bredåkra särskilt boende", EnhetTyp.Enhet, "vo", null),
            new("bou", "Verksamhetsområde barn och utbildning", EnhetTyp.Forvaltning, "kl", "bouchef"),
            new("parkskolan", "Parkskolan", EnhetTyp.Enhet, "bou", "rektor"),
            new("hravd", "HR-avdelningen", EnhetTyp.Avdelning, "kl", "hrchef"),
        ],
        [
            new("kommunchef", "Jonas", "Brännström", "Kommunchef", "kl", "kommunchef", [Roller.Chef]),
            new("vochef", "Helena", "Lundström", "Verksamhetsområdeschef vård och omsorg", "vo", "rekryterande", [Roller.Chef, Roller.RekryterandeChef]),
            new("enhetschef", "Fredrik", "Åström", "Enhetschef hemtjänst", "vidsel", "chef", [Roller.Chef]),
            new("bouchef", "Camilla", "Isaksson", "Verksamhetsområdeschef barn och utbildning", "bou", null),
            new("rektor", "Magnus", "Berglund", "Rektor", "parkskolan", null),
            new("hrchef", "Anna", "Sundqvist", "HR-chef", "hravd", null),
            new("hr", "Therese", "Nordin", "HR-konsult", "hravd", "hr", [Roller.HR]),
            new("admin", "Daniel", "Granström", "Systemadministratör", "kl", "admin", [Roller.Admin]),
            new("med1", "Ida", "Lindgren", "Undersköterska", "vidsel", "medarbetare", []),
            new("jury", "Robert", "Stenberg", "Lärare", "parkskolan", "jury", [Roller.Jury]),
            new("med3", "Maja", "Holmberg", "Vårdbiträde", "vidsel"),
            new("med4", "Viktor", "Engström", "Undersköterska", "bredagard"),
            new("med5", "Elin", "Sjöberg", "Sjuksköterska", "bredagard"),
            new("med6", "Simon", "Wallin", "Lärare", "parkskolan"),
        ]),
        Small("ljusnarsberg", "Kommunledningsförvaltningen", ("Ulrika", "Borg"), ("Mats", "Hedlund"), ("Petra", "Falk")),
        Small("vindeln", "Kommunledningen", ("Tobias", "Lindmark"), ("Karolina", "Strand"), ("Gustav", "Ek")),
        Small("vimmerby", "Kommunledningsförvaltningen", ("Carolina", "Vik"), ("Jenny", "Ahl"), ("Olof", "Bäck")),
    ];

    /// <summary>A municipality with just enough people to sign in with every role.</summary>
    private static Org Small(string kommunId, string topUnit, (string, string) chef, (string, string) hr, (string, string) medarbetare) => new(kommunId,
        [new("kl", topUnit, EnhetTyp.Kommunledning, null, "kommunchef")],
        [
            new("kommunchef", chef.Item1, chef.Item2, "Kommunchef", "kl", "kommunchef", [Roller.Chef, Roller.RekryterandeChef]),
            new("hr", hr.Item1, hr.Item2, "HR-strateg", "kl", "hr", [Roller.HR, Roller.Admin]),
            new("med1", medarbetare.Item1, medarbetare.Item2, "Handläggare", "kl", "medarbetare", [Roller.Jury]),
        ]);
}
