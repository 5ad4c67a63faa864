// The light/dark switch. One listener per page for any [data-theme-toggle] button, so the button needs no .NET code
// and no server round trip. The choice lives in a cookie, not localStorage: the server reads it to render the right
// stylesheets and html[data-theme] in the first response (Components/Layout/AppTheme.cs), so a page never flashes the
// other theme. Each theme stylesheet link carries both modes' addresses; a new sheet replaces the old one once it has
// loaded, so the page is never unstyled in between.
(() => {
    const cookieName = "ChatCrm.Theme";
    const oneYear = 60 * 60 * 24 * 365;
    let switching = false;

    function apply(mode) {
        const secure = location.protocol === "https:" ? "; Secure" : "";
        document.cookie = `${cookieName}=${mode}; Path=/; Max-Age=${oneYear}; SameSite=Lax${secure}`;
        const links = [...document.querySelectorAll("link[data-theme-stylesheet]")].filter(link => link.dataset[mode]);
        let pending = links.length;
        const done = () => {
            if (--pending > 0) return;
            document.documentElement.dataset.theme = mode;
            switching = false;
        };
        if (pending === 0) {
            pending = 1;
            done();
            return;
        }
        switching = true;
        for (const current of links) {
            const next = current.cloneNode();
            next.href = current.dataset[mode];
            // A failed load still switches: the cookie already says the new theme, and a reload would show it.
            const swap = () => {
                current.remove();
                done();
            };
            next.addEventListener("load", swap, { once: true });
            next.addEventListener("error", swap, { once: true });
            current.after(next);
        }
    }

    document.addEventListener("click", event => {
        if (switching || !event.target.closest("[data-theme-toggle]")) return;
        apply(document.documentElement.dataset.theme === "dark" ? "light" : "dark");
    });
})();
