using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Account;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Shared;

/// <summary>
/// Runs a screen's actions and loads so that nothing they throw reaches the circuit, and says how each went through
/// <see cref="Outcomes"/>: a refused result, a <see cref="ForbiddenException"/>, a
/// <see cref="ConcurrencyConflictException"/> (offered with "Reload") and any unexpected failure (logged) all become a
/// sentence; <see cref="Busy"/> keeps one click from starting two actions.
/// </summary>
public abstract class ActionComponentBase : ComponentBase
{
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;

    [Inject] private ILoggerFactory LoggerFactory { get; set; } = default!;

    [Inject] protected Outcomes Outcomes { get; private set; } = default!;

    [Inject] protected Confirmations Confirmations { get; private set; } = default!;

    private ILogger? _logger;

    protected ILogger Logger => _logger ??= LoggerFactory.CreateLogger(GetType());

    protected virtual string ForbiddenText => "You do not have access to that.";

    /// <summary>True while an action runs; the screen disables its buttons so one click cannot start two actions.</summary>
    protected bool Busy { get; private set; }

    protected Task<Actor> GetActorAsync() => CurrentActor.GetAsync();

    /// <param name="actionName">For the log, e.g. "delete lead".</param>
    /// <param name="confirm">Asked first (<see cref="Confirmations"/>); the action runs only when it answers true.</param>
    /// <param name="reload">Offered as "Reload" when someone else saved the record first.</param>
    /// <param name="showBesideField">
    /// Given a refusal, shows it beside the field it is about and answers true; such a refusal is then said once, where
    /// the fix is typed, and not repeated in a snackbar.
    /// </param>
    /// <returns>True when the action succeeded.</returns>
    protected async Task<bool> RunAsync(string actionName, Func<Actor, Task<Result>> action, string? successText,
        Func<Task<bool>>? confirm = null, Func<Task>? reload = null, Func<string, bool>? showBesideField = null)
    {
        // Busy also covers the confirmation, so a double click cannot open two dialogs or run the action twice.
        if (Busy) return false;
        Busy = true;
        try
        {
            if (confirm is not null && !await confirm()) return false;
            var result = await action(await GetActorAsync());
            if (result.Succeeded)
            {
                if (successText is not null) Outcomes.Succeeded(successText);
                return true;
            }
            var error = result.Error ?? Outcomes.UnexpectedText;
            if (showBesideField?.Invoke(error) != true) Outcomes.Refused(error);
        }
        catch (Exception ex)
        {
            Report(ex, actionName, reload);
        }
        finally
        {
            Busy = false;
        }
        return false;
    }

    /// <summary>A list load through <paramref name="loads"/> (newest wins), its failure reported.</summary>
    /// <param name="listName">As in "The {listName} could not be loaded", e.g. "ticket list".</param>
    protected async Task LoadListAsync(LatestLoad loads, string listName, Func<CancellationToken, Task<Action>> load)
    {
        switch (await loads.RunAsync(load))
        {
            case null:
                break;
            case ForbiddenException:
                Outcomes.Refused(ForbiddenText);
                break;
            case var ex:
                ActionLog.ActionFailed(Logger, ex, "load " + listName);
                Outcomes.Refused($"The {listName} could not be loaded. Please try again.");
                break;
        }
    }

    /// <summary>What an action threw, said to the person (and logged when it was not expected).</summary>
    protected void Report(Exception exception, string actionName, Func<Task>? reload = null)
    {
        switch (exception)
        {
            case ForbiddenException:
                Outcomes.Refused(ForbiddenText);
                break;
            case ConcurrencyConflictException conflict:
                Outcomes.Warned(conflict.Message, reload is null ? null : "Reload", reload is null ? null : async () =>
                {
                    await reload();
                    // The snackbar's button is not part of this component: it must show the reloaded record itself.
                    await InvokeAsync(StateHasChanged);
                });
                break;
            default:
                // An exception left to escape an event handler would end the whole circuit (every open dialog and grid).
                ActionLog.ActionFailed(Logger, exception, actionName);
                Outcomes.Refused(Outcomes.UnexpectedText);
                break;
        }
    }
}
