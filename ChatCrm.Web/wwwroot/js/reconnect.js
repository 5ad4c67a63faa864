// blazor.web.js 9.0 marks the reconnect element with components-reconnect-rejected when it gives up on this circuit
// (the server restarted and no longer knows it, or did not answer at all) and -failed when its retries ran out. The
// page cannot go on without a circuit, so wait until the server answers again, then load the page afresh: the
// cookie still signs the person in. Reloading at once would only show the browser's "cannot connect" page.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    let waiting = false;

    const reloadWhenServerAnswers = async () => {
        if (waiting) return;
        waiting = true;
        for (;;) {
            try {
                const response = await fetch("health", { cache: "no-store" });
                if (response.ok) {
                    location.reload();
                    return;
                }
            } catch {
                // still down
            }
            await new Promise(resolve => setTimeout(resolve, 1000));
        }
    };

    new MutationObserver(() => {
        if (modal.classList.contains("components-reconnect-rejected") || modal.classList.contains("components-reconnect-failed")) {
            reloadWhenServerAnswers();
        }
    }).observe(modal, { attributes: true, attributeFilter: ["class"] });
})();

// "Reload" links (the reconnect banner, the circuit's error bar) carry data-reload instead of an inline onclick, which
// the Content-Security-Policy forbids (script-src 'self' without 'unsafe-inline').
document.addEventListener("click", event => {
    if (event.target instanceof Element && event.target.closest("[data-reload]")) {
        event.preventDefault();
        location.reload();
    }
});
