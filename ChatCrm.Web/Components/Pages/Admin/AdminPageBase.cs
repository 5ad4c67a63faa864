using ChatCrm.Web.Components.Pages.Common;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>The admin pages: actions run through <see cref="ActionPageBase"/>, refusals name the admin rule.</summary>
public abstract class AdminPageBase : ActionPageBase
{
    protected override string ForbiddenText => "Only admins can do that.";
}
