using ChefsRekrytering.Organisation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Infrastructure;

public static class OrgChartOptions
{
    /// <summary>The units as the options of a select, in tree order and indented with dashes (an option holds no markup).</summary>
    public static List<SelectListItem> Units(OrgChart org, int? selected = null) => org.InTreeOrder()
        .Select(x => new SelectListItem(new string('–', x.Depth) + (x.Depth > 0 ? " " : "") + x.Unit.Namn, x.Unit.Id.ToString(), x.Unit.Id == selected))
        .ToList();
}
