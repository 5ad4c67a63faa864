using ChatCrm.Web.Components.Shared;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Account;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Common;

/// <summary>A button offered with a message, e.g. "Reload" after a conflicting save.</summary>
public sealed record PageMessageFix(string Label, Func<Task> Run);

/// <summary>An outcome shown to the person next to what they did.</summary>
public sealed record PageMessage(AlertStyle Style, string Text, PageMessageFix? Fix = null);

/// <summary>
/// Runs a page action so that nothing it throws reaches the circuit: a refused result, a
/// <see cref="ForbiddenException"/>, a <see cref="ConcurrencyConflictException"/> (offered with a reload) and any
/// unexpected failure all become a message on the page.
/// </summary>
public abstract class ActionPageBase : ComponentBase
{
    protected const string UnexpectedText = "Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.";

    [Inject] private CurrentActor CurrentActor { get; set; } = default!;

    [Inject] private ILoggerFactory LoggerFactory { get; set; } = default!;

    private ILogger? _logger;

    protected ILogger Logger => _logger ??= LoggerFactory.CreateLogger(GetType());

    protected virtual string ForbiddenText => "You do not have access to that.";

    /// <summary>The last outcome, shown in an alert at the top of the page.</summary>
    protected PageMessage? Message { get; set; }

    /// <summary>True while an action runs; the page disables its buttons so one click cannot start two actions.</summary>
    protected bool Busy { get; private set; }

    protected Task<Actor> GetActorAsync() => CurrentActor.GetAsync();

    /// <param name="confirm">Asked first (a dialog); the action runs only when it answers true.</param>
    /// <param name="reload">Offered as "Reload" when someone else saved the record first.</param>
    /// <returns>True when the action succeeded.</returns>
    protected async Task<bool> RunAsync(string actionName, Func<Actor, Task<Result>> action, string? successText,
        Func<Task<bool>>? confirm = null, Func<Task>? reload = null)
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
                if (successText is not null) Show(AlertStyle.Success, successText);
                return true;
            }
            Show(AlertStyle.Danger, result.Error ?? UnexpectedText);
        }
        catch (ForbiddenException)
        {
            Show(AlertStyle.Danger, ForbiddenText);
        }
        catch (ConcurrencyConflictException conflict)
        {
            Message = new PageMessage(AlertStyle.Warning, conflict.Message, reload is null ? null : new PageMessageFix("Reload", async () =>
            {
                Message = null;
                await reload();
                // The button lives in PageMessageAlert, so only the alert would re-render after its click; the page
                // must show the reloaded record too.
                StateHasChanged();
            }));
        }
        catch (Exception ex)
        {
            // An exception left to escape an event handler would end the whole circuit (every open dialog and grid).
            ActionLog.ActionFailed(Logger, ex, actionName);
            Show(AlertStyle.Danger, UnexpectedText);
        }
        finally
        {
            Busy = false;
        }
        return false;
    }

    protected void Show(AlertStyle style, string text) => Message = new PageMessage(style, text);

    /// <summary>A list load through <paramref name="loads"/> (newest wins), its failure shown as a message.</summary>
    /// <param name="listName">As in "The {listName} could not be loaded", e.g. "ticket list".</param>
    protected async Task LoadListAsync(LatestLoad loads, string listName, Func<CancellationToken, Task<Action>> load)
    {
        switch (await loads.RunAsync(load))
        {
            case null:
                break;
            case ForbiddenException:
                Show(AlertStyle.Danger, ForbiddenText);
                break;
            case var ex:
                ActionLog.ActionFailed(Logger, ex, "load " + listName);
                Show(AlertStyle.Danger, $"The {listName} could not be loaded. Please try again.");
                break;
        }
    }
}
