using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>The admin pages: actions run through <see cref="ActionComponentBase"/>, refusals name the admin rule.</summary>
public abstract class AdminPageBase : ActionComponentBase
{
    protected override string ForbiddenText => "Only admins can do that.";
}
