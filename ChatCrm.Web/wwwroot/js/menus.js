// Menus built on <details data-menu> (the account menu) close as people expect of a menu: on a click or tap elsewhere
// or on one of their links, and on Escape, which also hands focus back to the menu's button. One listener per page, nothing per menu, so menus
// that Blazor adds or replaces later need no wiring.
(() => {
    const openMenus = () => document.querySelectorAll("details[data-menu][open]");

    // A chosen link closes its menu too: the page changes under the layout, which keeps the menu element open.
    document.addEventListener("click", event => {
        for (const menu of openMenus()) {
            if (!menu.contains(event.target) || event.target.closest("a")) menu.open = false;
        }
    });

    document.addEventListener("keydown", event => {
        if (event.key !== "Escape") return;
        for (const menu of openMenus()) {
            menu.open = false;
            menu.querySelector("summary")?.focus();
        }
    });
})();
