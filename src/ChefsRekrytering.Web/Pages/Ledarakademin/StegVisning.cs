using ChefsRekrytering.Ledarakademin;

namespace ChefsRekrytering.Web.Pages.Ledarakademin;

/// <summary>How a step's status looks: the same colours on the overview and on a manager's track.</summary>
public static class StegVisning
{
    public static string Css(StegStatus status) => status switch
    {
        StegStatus.Klart => "tag tag-green",
        StegStatus.Pagar => "tag tag-amber",
        StegStatus.Saknas => "tag tag-red",
        _ => "tag tag-grey",
    };
}
