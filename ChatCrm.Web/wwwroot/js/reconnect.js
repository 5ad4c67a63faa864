// blazor.web.js 9.0 marks the reconnect element with components-reconnect-rejected when the server no longer knows
// this circuit (it restarted). The page cannot continue, so load it afresh: the cookie still signs the person in.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    new MutationObserver(() => {
        if (modal.classList.contains("components-reconnect-rejected")) location.reload();
    }).observe(modal, { attributes: true, attributeFilter: ["class"] });
})();
