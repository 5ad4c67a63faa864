using ChatCrm.Web.Components.Pages.Common;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>The lead pages: actions run through <see cref="ActionPageBase"/>, refusals name the staff rule.</summary>
public abstract class LeadsPageBase : ActionPageBase
{
    protected override string ForbiddenText => "Only agents and admins can work with leads.";
}
