using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace ChatCrm.Web.Components.Shared;

/// <summary>
/// The one validator of every form: puts Core's rule results beside their fields, so no page repeats a limit or a
/// sentence that Core already has. Place it inside an <c>EditForm</c> over a Core input model; MudBlazor's inputs (with
/// <c>For</c>) show their field's message. It runs, on each field change and on submit:
/// <list type="bullet">
/// <item>the model's data annotations and <see cref="IValidatableObject"/>, where Core states its limits that way, and</item>
/// <item><see cref="Rules"/>, where Core states them as a rule function (field name → sentence), e.g. <c>LeadValidation.Validate</c>.</item>
/// </list>
/// What the service still refuses on save (it checks again: the server is the one that counts) goes beside the fields
/// through <see cref="Show"/>.
/// </summary>
public sealed class RuleValidator<TModel> : ComponentBase, IDisposable where TModel : class
{
    private EditContext? _context;
    private ValidationMessageStore? _messages;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    /// <summary>Core's rules for the whole model: property name → sentence. Optional when the model's annotations say it all.</summary>
    [Parameter]
    public Func<TModel, IReadOnlyDictionary<string, string>>? Rules { get; set; }

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
            throw new InvalidOperationException($"{nameof(RuleValidator<TModel>)} must be placed inside an EditForm.");
        if (ReferenceEquals(CurrentEditContext, _context)) return;
        Detach();
        _context = CurrentEditContext;
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += OnValidationRequested;
        _context.OnFieldChanged += OnFieldChanged;
    }

    /// <summary>Shows what the service refused (field name → sentence) beside the fields, until they change.</summary>
    public void Show(IReadOnlyDictionary<string, string> errors)
    {
        if (_context is null || _messages is null) return;
        _messages.Clear();
        foreach (var (field, message) in errors) _messages.Add(_context.Field(field), message);
        _context.NotifyValidationStateChanged();
    }

    /// <summary>One refusal beside its field; true, for <see cref="ActionComponentBase"/>'s showBesideField.</summary>
    public bool Show(string field, string message)
    {
        Show(new Dictionary<string, string> { [field] = message });
        return _context is not null;
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        foreach (var (field, message) in Check()) _messages.Add(_context!.Field(field), message);
        _context!.NotifyValidationStateChanged();
    }

    // Only the changed field's message changes: a person filling the form top to bottom is not told about fields they
    // have not reached yet.
    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        if (!ReferenceEquals(field.Model, _context!.Model)) return;
        _messages!.Clear(field);
        foreach (var (name, message) in Check())
            if (name == field.FieldName) _messages.Add(field, message);
        _context.NotifyValidationStateChanged();
    }

    private IEnumerable<(string Field, string Message)> Check()
    {
        var model = (TModel)_context!.Model;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        foreach (var result in results)
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                yield return (member, result.ErrorMessage ?? "This value is not allowed.");
        if (Rules is null) yield break;
        foreach (var (field, message) in Rules(model)) yield return (field, message);
    }

    private void Detach()
    {
        if (_context is null) return;
        _context.OnValidationRequested -= OnValidationRequested;
        _context.OnFieldChanged -= OnFieldChanged;
        _messages?.Clear();
    }

    public void Dispose() => Detach();
}
