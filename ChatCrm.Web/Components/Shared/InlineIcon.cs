using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon (an <c>Icons.Material...</c> SVG string) as plain inline <c>&lt;svg&gt;</c> markup, for icons that are
/// only decoration inside markup repeated per row (a chat message, a list item). A <c>MudIcon</c> is a component: on a
/// live page it keeps its own state and render trees on the server for the life of the circuit (about 4 KB each,
/// measured with bUnit), where this is one frame in its parent's tree pointing at a string made once per icon.
/// Sized by the surrounding font size (1em) and drawn in the text colour, like MudIcon with the same classes.
/// </summary>
public static class InlineIcon
{
    // Keyed by the icon's markup (MudBlazor's constants, so a handful of entries): every row shares one string.
    private static readonly ConcurrentDictionary<(string Icon, string? Class), MarkupString> Made = new();

    /// <param name="icon">One of MudBlazor's <c>Icons</c> constants; never text from a person (it is written as markup).</param>
    /// <param name="className">More classes for the svg, e.g. MudBlazor's <c>mud-icon-size-small</c>.</param>
    public static MarkupString Svg(string icon, string? className = null) =>
        Made.GetOrAdd((icon, className), static key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon{(key.Class is null ? "" : " " + key.Class)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Icon}</svg>"));
}
