// The side menu (MainLayout): beside the page from the medium breakpoint (960 px) up, over it below. Whether it shows
// is kept on <html> (data-drawer), which Blazor never draws, so neither a re-render nor the circuit's first render
// (which replaces the prerendered page) resets it; the CSS in MainLayout.razor.css reads it. One set of listeners per
// page and nothing on the server: the toggle works on static pages and while the circuit reconnects too.
(() => {
    const root = document.documentElement;
    const wide = window.matchMedia("(min-width: 960px)");
    // A wide screen shows the menu until it is hidden; a narrow one hides it until it is asked for.
    let hiddenWide = false;
    let openNarrow = false;
    const isOpen = () => (wide.matches ? !hiddenWide : openNarrow);

    function syncToggles() {
        const expanded = String(isOpen());
        for (const toggle of document.querySelectorAll("[data-drawer-toggle]")) {
            if (toggle.getAttribute("aria-expanded") !== expanded) toggle.setAttribute("aria-expanded", expanded);
        }
    }

    function show(open) {
        if (wide.matches) hiddenWide = !open;
        else openNarrow = open;
        root.dataset.drawer = open ? "open" : "closed";
        syncToggles();
    }

    document.addEventListener("click", event => {
        if (!(event.target instanceof Element)) return;
        if (event.target.closest("[data-drawer-toggle]")) {
            show(!isOpen());
            return;
        }
        // Over the page, the menu goes once a section is chosen or beside it is tapped.
        if (!wide.matches && isOpen() && event.target.closest("[data-drawer-close], #app-drawer a")) show(false);
    });

    document.addEventListener("keydown", event => {
        if (event.key !== "Escape" || wide.matches || !isOpen()) return;
        show(false);
        document.querySelector("[data-drawer-toggle]")?.focus();
    });

    // Turning a tablet or resizing the window across the breakpoint starts the narrow menu closed again.
    wide.addEventListener("change", () => {
        openNarrow = false;
        show(isOpen());
    });

    // The toggle's aria-expanded is this script's, not Blazor's: set it again on a toggle Blazor draws anew.
    new MutationObserver(syncToggles).observe(document.body, { childList: true, subtree: true });
    show(isOpen());
})();
