// A click on a button must not be lost because the page moved under a still pointer. Pressing the button blurs the field
// being typed in; its change goes to the server, which re-validates and re-renders, and a message under the field that
// goes away (or comes) moves the button before the mouse is released. The browser then sees the press and the release
// on different elements and fires no click: a person presses "Save" and nothing happens. So when the release lands off
// the pressed button because the button itself moved (the pointer stayed still), the button is clicked. A press that
// something else took over (a calendar slot drag captures the pointer; the slot does not move) is left alone.
// One listener per page, nothing per button. Touch needs none of this: a tap's press, release and click are dispatched
// together, before any re-render.
(() => {
    const stillPixels = 4;
    let pressed = null;

    document.addEventListener("mousedown", event => {
        const button = event.button === 0 ? event.target.closest("button:not([disabled])") : null;
        pressed = button ? { button, x: event.clientX, y: event.clientY, at: button.getBoundingClientRect() } : null;
    }, true);

    document.addEventListener("mouseup", event => {
        const press = pressed;
        pressed = null;
        if (!press || event.button !== 0 || press.button.contains(event.target) || !press.button.isConnected || press.button.disabled) return;
        const still = Math.abs(event.clientX - press.x) <= stillPixels && Math.abs(event.clientY - press.y) <= stillPixels;
        const now = press.button.getBoundingClientRect();
        const moved = Math.abs(now.top - press.at.top) > 1 || Math.abs(now.left - press.at.left) > 1;
        const releasedOff = event.clientX < now.left || event.clientX > now.right || event.clientY < now.top || event.clientY > now.bottom;
        if (still && moved && releasedOff) press.button.click();
    }, true);
})();
