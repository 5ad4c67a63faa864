using MudBlazor;

namespace ChatCrm.Web.Components.Shared;

/// <summary>
/// The one way a screen tells a person how an action went: a snackbar at the bottom of the screen (announced to screen
/// readers, seen wherever they are scrolled). Success fades by itself; a refusal or a problem stays until it is closed,
/// so nobody misses why nothing happened. What a field was refused for goes beside the field instead (<see cref="RuleValidator{TModel}"/>).
/// </summary>
public sealed class Outcomes(ISnackbar snackbar)
{
    public const string UnexpectedText = "Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.";

    public void Succeeded(string text) => snackbar.Add(text, Severity.Success);

    public void Refused(string text) => snackbar.Add(text, Severity.Error, Sticky);

    /// <summary>A problem the person can act on, with the fix as the snackbar's button (e.g. "Reload" after a conflict).</summary>
    public void Warned(string text, string? fixLabel = null, Func<Task>? fix = null) => snackbar.Add(text, Severity.Warning, options =>
    {
        Sticky(options);
        if (fixLabel is null || fix is null) return;
        options.Action = fixLabel;
        options.ActionColor = Color.Warning;
        options.OnClick = _ => fix();
    });

    private static void Sticky(SnackbarOptions options)
    {
        options.RequireInteraction = true;
        options.ShowCloseIcon = true;
    }
}
