using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>The lead pages: actions run through <see cref="ActionComponentBase"/>, refusals name the staff rule.</summary>
public abstract class LeadsPageBase : ActionComponentBase
{
    protected override string ForbiddenText => "Only agents and admins can work with leads.";
}
