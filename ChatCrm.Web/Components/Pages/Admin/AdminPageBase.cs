using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Account;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Admin;

/// <summary>An outcome shown to the admin next to what they did.</summary>
public sealed record PageMessage(AlertStyle Style, string Text);

/// <summary>
/// Runs an admin action so that nothing it throws reaches the circuit: a refused result, a
/// <see cref="ForbiddenException"/> and any unexpected failure all become a message on the page.
/// </summary>
public abstract class AdminPageBase : ComponentBase
{
    protected const string ForbiddenText = "Only admins can do that.";
    protected const string UnexpectedText = "Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.";

    [Inject] private CurrentActor CurrentActor { get; set; } = default!;

    [Inject] private ILoggerFactory LoggerFactory { get; set; } = default!;

    protected ILogger Logger => _logger ??= LoggerFactory.CreateLogger(GetType());

    private ILogger? _logger;

    /// <summary>The last outcome, shown in an alert at the top of the page.</summary>
    protected PageMessage? Message { get; set; }

    /// <summary>True while an action runs; the page disables its buttons so one click cannot start two actions.</summary>
    protected bool Busy { get; private set; }

    protected Task<Actor> GetActorAsync() => CurrentActor.GetAsync();

    /// <param name="confirm">Asked first (a dialog); the action runs only when it answers true.</param>
    /// <returns>True when the action succeeded.</returns>
    protected async Task<bool> RunAsync(string actionName, Func<Actor, Task<Result>> action, string successText, Func<Task<bool>>? confirm = null)
    {
        // Busy also covers the confirmation, so a double click cannot open two dialogs or run the action twice.
        if (Busy) return false;
        Busy = true;
        Message = null;
        try
        {
            if (confirm is not null && !await confirm()) return false;
            var result = await action(await GetActorAsync());
            if (result.Succeeded)
            {
                Show(AlertStyle.Success, successText);
                return true;
            }
            Show(AlertStyle.Danger, result.Error ?? UnexpectedText);
        }
        catch (ForbiddenException)
        {
            Show(AlertStyle.Danger, ForbiddenText);
        }
        catch (Exception ex)
        {
            // An exception left to escape an event handler would end the whole circuit (every open dialog and grid).
            AdminLog.ActionFailed(Logger, ex, actionName);
            Show(AlertStyle.Danger, UnexpectedText);
        }
        finally
        {
            Busy = false;
        }
        return false;
    }

    protected void Show(AlertStyle style, string text) => Message = new PageMessage(style, text);
}
