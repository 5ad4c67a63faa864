// "Reload" links (the reconnect bar, the circuit's error bar) carry data-reload instead of an inline onclick, which
// the Content-Security-Policy forbids (script-src 'self' without 'unsafe-inline').
document.addEventListener("click", event => {
    if (event.target instanceof Element && event.target.closest("[data-reload]")) {
        event.preventDefault();
        location.reload();
    }
});
