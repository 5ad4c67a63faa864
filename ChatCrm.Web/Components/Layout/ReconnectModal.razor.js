// Shows the reconnect bar while blazor.web.js tries to get the circuit back, and brings the page back afterwards.
// "failed" (its retries ran out: the server is down) and "rejected" (the server answers but no longer knows this
// circuit: it restarted) both end with the server answering /health again: then the circuit is asked back once, and
// the page reloads if that does not work. The cookie still signs the person in. Reloading while the server is down
// would only show the browser's "cannot connect" page.
const bar = document.getElementById("components-reconnect-modal");
let waiting = false;

bar.addEventListener("components-reconnect-state-changed", event => {
    switch (event.detail.state) {
        case "show":
        case "retrying":
        case "paused":
        case "resume-failed":
            if (!bar.open) bar.show();
            break;
        case "hide":
            bar.close();
            break;
        case "failed":
        case "rejected":
            if (!bar.open) bar.show();
            comeBackWhenServerAnswers(event.detail.state === "rejected");
            break;
    }
});

document.getElementById("components-resume-button")?.addEventListener("click", async () => {
    if (!await Blazor.resumeCircuit()) location.reload();
});

async function comeBackWhenServerAnswers(circuitIsGone) {
    if (waiting) return;
    waiting = true;
    for (;;) {
        try {
            const response = await fetch("health", { cache: "no-store" });
            if (response.ok) break;
        } catch {
            // still down
        }
        await new Promise(resolve => setTimeout(resolve, 1000));
    }
    if (!circuitIsGone) {
        try {
            if (await Blazor.reconnect()) {
                waiting = false;
                return;
            }
        } catch {
            // the circuit is gone after all
        }
    }
    location.reload();
}
