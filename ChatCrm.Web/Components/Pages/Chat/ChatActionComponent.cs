using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// The kit's way of running actions (<see cref="ActionComponentBase"/>: outcomes and errors through Outcomes,
/// confirmations through Confirmations, one action at a time), for Core's chat services, which refuse by throwing:
/// a broken chat rule or a chat the person is not in is said in Core's own words.
/// </summary>
public abstract class ChatActionComponent : ActionComponentBase
{
    /// <summary>
    /// A chat action through <see cref="ActionComponentBase.RunAsync"/>: Core's chat refusals (a broken rule, no access)
    /// are said in Core's own words; anything else is logged and reported.
    /// </summary>
    protected Task<bool> RunChatAsync(string actionName, Func<Actor, Task> action, string? successText = null, Func<Task<bool>>? confirm = null) =>
        RunAsync(actionName, async actor =>
        {
            try
            {
                await action(actor);
                return Result.Ok();
            }
            catch (Exception ex) when (ex is ChatRuleException or ForbiddenException)
            {
                return Result.Fail(ex.Message);
            }
        }, successText, confirm);

    /// <summary>A Core chat refusal in Core's words; anything else reported as the kit does.</summary>
    protected void ReportChat(Exception exception, string actionName)
    {
        if (exception is ChatRuleException or ForbiddenException) Outcomes.Refused(exception.Message);
        else Report(exception, actionName);
    }
}
