// Keyboard shortcuts for the whole app. Ctrl+K (⌘K on a Mac) opens the search over everything: it presses the app
// bar's search button, so it works wherever that button is, and nowhere else (signed out, a status page).
document.addEventListener("keydown", event => {
    if (event.key.toLowerCase() !== "k" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const button = document.querySelector("[data-global-search]");
    if (!button) return;
    event.preventDefault();
    button.click();
});
