// Selecting a time in the day and week views (CalendarTimeGrid.razor). The slots are plain buttons rendered by the
// server with data-day (column) and data-slot (half hour); everything here is one set of listeners on the grid, so the
// server keeps no handler per slot and a drag costs no round trip until it ends:
// - mouse or pen: press on a slot and drag within its day; the selection shows as it grows; release schedules it;
// - touch: a tap schedules that slot (a drag scrolls the page, as on any phone);
// - keyboard: the grid is one tab stop; arrow keys move between slots, Home/End to the day's first/last, and
//   Enter/Space (the button's own click) schedules the focused slot.
const selectingClass = 'is-selecting';

export function attach(root, dotnet) {
    let drag = null;
    let lastDragEnd = 0;

    const slotOf = target => target instanceof Element ? target.closest('[data-slot]') : null;
    const slotsOf = column => Array.from(column.querySelectorAll('[data-slot]'));

    function paint(from, to) {
        const low = Math.min(from, to);
        const high = Math.max(from, to);
        drag.slots.forEach((slot, index) => slot.classList.toggle(selectingClass, index >= low && index <= high));
    }

    function clear() {
        if (!drag) return;
        drag.slots.forEach(slot => slot.classList.remove(selectingClass));
        if (root.hasPointerCapture(drag.pointerId)) root.releasePointerCapture(drag.pointerId);
        drag = null;
    }

    // The slot of the dragged day under the pointer's height, wherever the pointer is sideways.
    function indexAt(clientY) {
        const first = drag.slots[0].getBoundingClientRect();
        const index = Math.floor((clientY - first.top) / first.height);
        return Math.max(0, Math.min(drag.slots.length - 1, index));
    }

    function schedule(day, first, last) {
        dotnet.invokeMethodAsync('ScheduleAsync', day, Math.min(first, last), Math.max(first, last)).catch(() => {
            // The page reports its own failures; a dropped circuit reconnects or reloads by itself.
        });
    }

    function onPointerDown(event) {
        const slot = slotOf(event.target);
        if (!slot || event.pointerType === 'touch' || event.button !== 0) return;
        slot.focus({ preventScroll: true });
        const slots = slotsOf(slot.parentElement);
        drag = { pointerId: event.pointerId, day: Number(slot.dataset.day), slots, first: slots.indexOf(slot), last: slots.indexOf(slot) };
        root.setPointerCapture(event.pointerId);
        paint(drag.first, drag.last);
    }

    function onPointerMove(event) {
        if (!drag || event.pointerId !== drag.pointerId) return;
        const index = indexAt(event.clientY);
        if (index === drag.last) return;
        drag.last = index;
        paint(drag.first, drag.last);
    }

    function onPointerUp(event) {
        if (!drag || event.pointerId !== drag.pointerId) return;
        const { day, first, last } = drag;
        clear();
        lastDragEnd = performance.now();
        schedule(day, first, last);
    }

    function onClick(event) {
        const slot = slotOf(event.target);
        // A mouse press was scheduled when it was released; its click follows right after and is not a second one.
        // Only a pointer's click counts clicks (detail); Enter or Space on a focused slot (detail 0) always schedules,
        // however soon after a drag it comes.
        if (!slot || (event.detail > 0 && performance.now() - lastDragEnd < 500)) return;
        const index = Number(slot.dataset.slot);
        schedule(Number(slot.dataset.day), index, index);
    }

    function onKeyDown(event) {
        if (event.key === 'Escape' && drag) {
            clear();
            return;
        }
        const slot = slotOf(event.target);
        if (!slot) return;
        const column = slot.parentElement;
        const slots = slotsOf(column);
        const index = slots.indexOf(slot);
        const columns = Array.from(root.querySelectorAll('[data-day-column]'));
        let next = null;
        switch (event.key) {
            case 'ArrowUp': next = slots[index - 1]; break;
            case 'ArrowDown': next = slots[index + 1]; break;
            case 'Home': next = slots[0]; break;
            case 'End': next = slots[slots.length - 1]; break;
            case 'ArrowLeft':
            case 'ArrowRight': {
                const other = columns[columns.indexOf(column) + (event.key === 'ArrowLeft' ? -1 : 1)];
                next = other ? slotsOf(other)[index] : null;
                break;
            }
            default: return;
        }
        event.preventDefault();
        next?.focus();
    }

    // One tab stop: the slot that had focus last keeps it, so Tab leaves the grid and comes back to the same place.
    function onFocusIn(event) {
        const slot = slotOf(event.target);
        if (!slot) return;
        root.querySelectorAll('[data-slot][tabindex="0"]').forEach(other => { if (other !== slot) other.tabIndex = -1; });
        slot.tabIndex = 0;
    }

    const listeners = { pointerdown: onPointerDown, pointermove: onPointerMove, pointerup: onPointerUp, pointercancel: clear, click: onClick, keydown: onKeyDown, focusin: onFocusIn };
    for (const [name, listener] of Object.entries(listeners)) root.addEventListener(name, listener);
    // Says the slots now answer a click: the grid is drawn by the server before this script is loaded and attached, and
    // a click in between selects nothing (a browser test waits for this, as a person would for a page to settle).
    root.dataset.selectionReady = 'true';
    return {
        dispose() {
            clear();
            for (const [name, listener] of Object.entries(listeners)) root.removeEventListener(name, listener);
            delete root.dataset.selectionReady;
        },
    };
}
