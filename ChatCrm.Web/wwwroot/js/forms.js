// Submits a real form from .NET, for a control that cannot be the form's own submit button (a keyboard-driven
// Radzen menu item). requestSubmit runs the browser's normal submit, so the page navigates as with a click.
export function submit(form) {
    form.requestSubmit();
}
