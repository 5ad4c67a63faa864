// The light/dark switch. One listener per page for any [data-theme-toggle] button, so the button needs no .NET code
// and no server round trip. The choice lives in a cookie, not localStorage: the server reads it to render the right
// stylesheet and html[data-theme] in the first response (Components/Layout/AppTheme.cs), so a page never flashes the
// other theme. The stylesheet link carries both themes' addresses; the new sheet replaces the old one once it has
// loaded, so the page is never unstyled in between.
(() => {
    const cookieName = "ChatCrm.Theme";
    const oneYear = 60 * 60 * 24 * 365;
    let switching = false;

    function apply(mode) {
        const secure = location.protocol === "https:" ? "; Secure" : "";
        document.cookie = `${cookieName}=${mode}; Path=/; Max-Age=${oneYear}; SameSite=Lax${secure}`;
        const current = document.getElementById("theme-stylesheet");
        const href = current?.dataset[mode];
        if (!current || !href) {
            document.documentElement.dataset.theme = mode;
            return;
        }
        const next = current.cloneNode();
        next.href = href;
        const done = () => {
            current.remove();
            document.documentElement.dataset.theme = mode;
            switching = false;
        };
        // A failed load still switches: the cookie already says the new theme, and a reload would show it.
        next.addEventListener("load", done, { once: true });
        next.addEventListener("error", done, { once: true });
        switching = true;
        current.after(next);
    }

    document.addEventListener("click", event => {
        if (switching || !event.target.closest("[data-theme-toggle]")) return;
        apply(document.documentElement.dataset.theme === "dark" ? "light" : "dark");
    });
})();
