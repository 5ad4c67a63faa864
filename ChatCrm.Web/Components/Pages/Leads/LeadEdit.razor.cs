using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>Creates a lead (<c>/leads/new</c>) or shows and edits one with its timeline (<c>/leads/{id}</c>).</summary>
public sealed partial class LeadEdit
{
    private const string FixFieldsText = "Please correct the highlighted fields.";

    [Inject] private LeadService Leads { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public Guid? Id { get; set; }

    private Guid? _shownId;
    private bool _shownOnce;
    private LeadDetails? _loaded;
    private LeadInput? _input;
    private LeadForm? _form;
    private LeadDuplicate? _duplicate;
    private IReadOnlyList<LeadOwner> _owners = [];
    private IReadOnlyList<LeadActivityRow> _timeline = [];
    private bool _notFound;

    protected override async Task OnParametersSetAsync()
    {
        // The same instance serves /leads/new and /leads/{id}: after a create it moves on to the new lead.
        if (_shownOnce && _shownId == Id) return;
        _shownOnce = true;
        _shownId = Id;
        try
        {
            _owners = await Leads.OwnersAsync(await GetActorAsync());
            await LoadAsync();
        }
        catch (Exception ex)
        {
            _notFound = ex is ForbiddenException;
            Report(ex, "load lead");
        }
    }

    private async Task LoadAsync()
    {
        _duplicate = null;
        var actor = await GetActorAsync();
        if (Id is not { } id)
        {
            _loaded = null;
            _notFound = false;
            // A new lead is the creating agent's own until they choose otherwise.
            _input = new LeadInput { OwnerId = _owners.Any(o => o.Id == actor.UserId) ? actor.UserId : null };
            return;
        }
        _loaded = await Leads.GetAsync(actor, id);
        _notFound = _loaded is null;
        _input = _loaded?.ToInput();
        _timeline = _loaded is null ? [] : await Leads.TimelineAsync(actor, id);
        if (_loaded is not null) _duplicate = await Leads.FindByEmailAsync(actor, _loaded.Email, id);
    }

    /// <summary>After a conflict: the form starts again from the version saved now.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            await LoadAsync();
            Outcomes.Succeeded("Reloaded: you now see the latest saved version.");
        }
        catch (Exception ex)
        {
            Report(ex, "reload lead");
        }
    }

    private async Task CheckDuplicateAsync(string? email)
    {
        try
        {
            _duplicate = LeadValidation.IsEmail(email?.Trim() ?? "") ? await Leads.FindByEmailAsync(await GetActorAsync(), email, Id) : null;
        }
        catch (Exception ex)
        {
            // Only a hint: a failed look-up must not stop the person from saving.
            ActionLog.ActionFailed(Logger, ex, "check duplicate lead email");
            _duplicate = null;
        }
    }

    private async Task SaveAsync()
    {
        if (_input is null) return;
        var input = _input;
        LeadSaveResult? saved = null;
        var creating = Id is null;
        var ok = await RunAsync(creating ? "create lead" : "save lead", async actor =>
        {
            saved = Id is { } id
                ? await Leads.UpdateAsync(actor, id, input, _loaded!.Version)
                : await Leads.CreateAsync(actor, input);
            return saved.Succeeded ? Result.Ok() : Result.Fail(saved.Errors.GetValueOrDefault("") ?? FixFieldsText);
        }, creating ? $"Lead {input.Name?.Trim()} created." : "Saved.", reload: ReloadAsync);
        if (saved is { Succeeded: false }) _form?.Show(saved.Errors.Where(e => e.Key.Length > 0).ToDictionary(e => e.Key, e => e.Value));
        if (!ok || saved?.Id is not { } savedId) return;
        if (creating) Navigation.NavigateTo($"leads/{savedId}");
        else await ReloadSavedAsync();
    }

    private async Task ReloadSavedAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch (Exception ex)
        {
            Report(ex, "reload lead");
        }
    }

    private async Task<bool> AddNoteAsync(string text)
    {
        if (Id is not { } id) return false;
        try
        {
            if (!await RunAsync("add lead note", a => Leads.AddNoteAsync(a, id, text), null)) return false;
            _timeline = await Leads.TimelineAsync(await GetActorAsync(), id);
            return true;
        }
        catch (Exception ex)
        {
            Report(ex, "load lead timeline");
            return true;
        }
        finally
        {
            // Called from LeadTimeline's form, whose submit re-renders only the timeline component.
            StateHasChanged();
        }
    }

    private async Task DeleteAsync()
    {
        if (Id is not { } id || _loaded is null) return;
        var name = _loaded.Name;
        if (await RunAsync("delete lead", a => Leads.DeleteAsync(a, id), $"{name} deleted.",
                () => Confirmations.AskAsync("Delete lead", $"Delete {name} and the lead's timeline? This cannot be undone.", "Delete lead")))
            Navigation.NavigateTo("leads");
    }
}
