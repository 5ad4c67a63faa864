// Remembers the light/dark choice. A cookie, not localStorage: the server reads it to render the right stylesheet in
// the first response (see Components/Layout/AppTheme.cs). Radzen swaps its own stylesheet; data-theme is for app.css.
const cookieName = "ChatCrm.Theme";
const oneYear = 60 * 60 * 24 * 365;

export function remember(mode) {
    const secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${cookieName}=${mode}; Path=/; Max-Age=${oneYear}; SameSite=Lax${secure}`;
    document.documentElement.dataset.theme = mode;
}
