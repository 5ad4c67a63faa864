using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Tests.Components;

/// <summary>A MudBlazor form's fields as a person (and a screen reader) finds them: by label, with the message read out.</summary>
internal static class FormFields
{
    public static IElement Field<T>(this IRenderedComponent<T> form, string label) where T : IComponent =>
        form.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    public static IElement Input<T>(this IRenderedComponent<T> form, string label) where T : IComponent =>
        form.Field(label).QuerySelector("input, textarea") ?? throw new InvalidOperationException($"The field {label} has no input.");

    /// <summary>The field's message: the text its input is described by (aria-describedby), or null when it has none.</summary>
    public static string? MessageBeside<T>(this IRenderedComponent<T> form, string label) where T : IComponent
    {
        var input = form.Input(label);
        if (input.GetAttribute("aria-invalid") != "true" || input.GetAttribute("aria-describedby") is not { Length: > 0 } ids) return null;
        var text = string.Join(" ", ids.Split(' ').Select(id => form.Find("#" + id).TextContent.Trim()));
        return text.Length > 0 ? text : null;
    }

    /// <summary>The text under a field: its error, or its helper text when it has none.</summary>
    public static string FieldMessage<T>(this IRenderedComponent<T> form, string label) where T : IComponent =>
        (form.Field(label).QuerySelector(".mud-input-helper-text")?.TextContent ?? "").Trim();

    /// <summary>Types into a field the way a browser reports it when the field is left.</summary>
    public static Task TypeAsync<T>(this IRenderedComponent<T> form, string label, string text) where T : IComponent =>
        form.Input(label).ChangeAsync(new ChangeEventArgs { Value = text });

    /// <summary>A button by its words.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> screen, string text) where T : IComponent =>
        screen.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
