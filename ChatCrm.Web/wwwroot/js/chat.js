// Browser-side helpers for the chat page (Components/Pages/Chat). The server renders everything; this file only does
// what needs the DOM at the moment it changes: keep the scroll position steady, notice the top and the bottom of the
// history, send on Enter, paste files, and report whether the tab is visible. Times are written by the server in the
// reader's zone (Components/Shared/ReaderClock); none is formatted here.

const nearEdge = 150;
const bottomSlack = 48;

// Watches the message list. Near the top it asks .NET for the older page and, while that page is inserted above,
// keeps the first message that was on screen exactly where it was (no jump). At the bottom it follows new messages;
// scrolled up, it leaves the reader where they are. Also reports the tab's visibility (for read marks).
export function attachList(list, dotnet, hasOlder, hasNewer) {
    const state = { atBottom: true, anchor: null, loadingOlder: false, loadingNewer: false, hasOlder, hasNewer, disposed: false };

    const isAtBottom = () => list.scrollHeight - list.scrollTop - list.clientHeight < bottomSlack;
    const topOf = el => el.getBoundingClientRect().top - list.getBoundingClientRect().top;

    function restoreAnchor() {
        const el = state.anchor && list.querySelector(`[data-seq="${state.anchor.seq}"]`);
        if (el) list.scrollTop += topOf(el) - state.anchor.top;
    }

    function follow() {
        if (state.anchor) restoreAnchor();
        else if (state.atBottom) list.scrollTop = list.scrollHeight;
    }

    async function loadOlder() {
        const first = list.querySelector('[data-seq]');
        state.loadingOlder = true;
        state.anchor = first ? { seq: first.dataset.seq, top: topOf(first) } : null;
        try {
            state.hasOlder = await dotnet.invokeMethodAsync('LoadOlder');
            restoreAnchor();
        } catch {
            // The circuit is gone or busy; the next scroll tries again.
        } finally {
            state.anchor = null;
            state.loadingOlder = false;
        }
    }

    async function loadNewer() {
        state.loadingNewer = true;
        try {
            state.hasNewer = await dotnet.invokeMethodAsync('LoadNewer');
        } catch {
            // As above.
        } finally {
            state.loadingNewer = false;
        }
    }

    function onScroll() {
        state.atBottom = !state.hasNewer && isAtBottom();
        if (list.scrollTop < nearEdge && state.hasOlder && !state.loadingOlder) loadOlder();
        if (state.hasNewer && !state.loadingNewer && list.scrollHeight - list.scrollTop - list.clientHeight < nearEdge) loadNewer();
    }

    const visible = () => document.visibilityState === 'visible';
    function onVisibility() {
        if (!state.disposed) dotnet.invokeMethodAsync('SetVisible', visible()).catch(() => { });
    }

    // A message's action menu opens above its button, or below it where the list has too little room above (the first
    // messages of a chat): above the list's top it could be neither seen nor reached. Decided on the click, before the
    // server draws the menu; the attribute is this script's, so Blazor leaves it alone (MessageItem.razor.css reads it).
    const menuRoom = 120;
    function onClick(event) {
        const toggle = event.target instanceof Element ? event.target.closest('.msg-actions-toggle') : null;
        if (toggle) toggle.parentElement.dataset.opens = topOf(toggle) < menuRoom ? 'down' : 'up';
    }

    // Runs after Blazor changed the DOM and before the browser paints, so a correction is never seen.
    const observer = new MutationObserver(follow);
    observer.observe(list, { childList: true, subtree: true, characterData: true });
    list.addEventListener('scroll', onScroll, { passive: true });
    list.addEventListener('click', onClick);
    // Pictures and videos get their height only when they load; keep the bottom in view meanwhile.
    list.addEventListener('load', follow, true);
    list.addEventListener('loadedmetadata', follow, true);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onVisibility);

    return {
        visible,
        scrollToBottom() {
            list.scrollTop = list.scrollHeight;
            state.atBottom = !state.hasNewer;
        },
        scrollToMessage(seq) {
            const el = list.querySelector(`[data-seq="${seq}"]`);
            if (!el) return;
            state.atBottom = false;
            el.scrollIntoView({ block: 'center' });
            el.classList.add('flash');
            setTimeout(() => el.classList.remove('flash'), 2500);
        },
        setEnds(older, newer) {
            state.hasOlder = older;
            state.hasNewer = newer;
        },
        dispose() {
            state.disposed = true;
            observer.disconnect();
            list.removeEventListener('scroll', onScroll);
            list.removeEventListener('click', onClick);
            list.removeEventListener('load', follow, true);
            list.removeEventListener('loadedmetadata', follow, true);
            document.removeEventListener('visibilitychange', onVisibility);
            window.removeEventListener('focus', onVisibility);
        },
    };
}

// The composer. The text box belongs to the browser: the server never writes into it while someone types (a render
// arriving late would wipe what was typed meanwhile). Enter or the send button takes the text, empties the box at
// once and hands the text to .NET; Shift+Enter is a new line. The attach button opens the hidden file input, and a
// pasted file goes into that input as if chosen. The parts are found inside the composer's element (Composer.razor;
// the attach button and file input are AttachmentUpload's).
export function attachComposer(root, dotnet, draft) {
    const textarea = root.querySelector('textarea');
    const sendButton = root.querySelector('[data-composer-send]');
    const attachButton = root.querySelector('[data-composer-attach]');
    const fileInput = root.querySelector('input[type=file]');
    if (draft) textarea.value = draft;
    // Until this runs, Send and Enter do nothing; scripts that drive the page (the benchmark) wait for this mark.
    textarea.dataset.composerReady = 'true';

    function send() {
        const text = textarea.value;
        if (text.trim() === '') return;
        textarea.value = '';
        dotnet.invokeMethodAsync('Send', text).catch(() => giveBack(text));
        if (mentionPrefix !== null) onInput();
    }

    // A message that could not be sent goes back in front of whatever was typed since; the input event tells .NET.
    function giveBack(text) {
        textarea.value = textarea.value ? text + '\n' + textarea.value : text;
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }

    // @mentions: the "@name" just before the caret goes to .NET, which lists the members it matches above the box
    // ([data-mention-list]). The list is driven from here, without a round trip per key: arrows move the choice,
    // Enter or Tab (or a click) writes "@username " in place of what was typed, Escape closes it.
    let mentionPrefix = null;
    const mentionBeforeCaret = /(?:^|[^A-Za-z0-9._@-])@([A-Za-z0-9._-]{0,32})$/;

    function mentionList() {
        return root.querySelector('[data-mention-list]');
    }

    function onInput() {
        const before = textarea.value.slice(0, textarea.selectionStart);
        const match = textarea.selectionStart === textarea.selectionEnd ? mentionBeforeCaret.exec(before) : null;
        const prefix = match ? match[1] : null;
        if (prefix === mentionPrefix) return;
        mentionPrefix = prefix;
        dotnet.invokeMethodAsync('MentionQuery', prefix).catch(() => { });
    }

    function chooseMention(userName) {
        const caret = textarea.selectionStart;
        const before = textarea.value.slice(0, caret);
        const match = mentionBeforeCaret.exec(before);
        if (!match) return;
        const start = caret - match[1].length - 1;
        const inserted = '@' + userName + ' ';
        textarea.value = textarea.value.slice(0, start) + inserted + textarea.value.slice(caret);
        textarea.selectionStart = textarea.selectionEnd = start + inserted.length;
        textarea.focus();
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }

    function moveMention(list, step) {
        const options = [...list.querySelectorAll('[role=option]')];
        const at = options.findIndex(o => o.getAttribute('aria-selected') === 'true');
        const next = (at + step + options.length) % options.length;
        options.forEach((o, i) => o.setAttribute('aria-selected', i === next ? 'true' : 'false'));
        textarea.setAttribute('aria-activedescendant', options[next].id);
    }

    function onMentionKey(e) {
        const list = mentionList();
        if (!list || e.isComposing) return false;
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            moveMention(list, e.key === 'ArrowDown' ? 1 : -1);
        } else if (e.key === 'Enter' || e.key === 'Tab') {
            const chosen = list.querySelector('[aria-selected=true]') ?? list.querySelector('[role=option]');
            chooseMention(chosen.dataset.mention);
        } else if (e.key === 'Escape') {
            mentionPrefix = null;
            dotnet.invokeMethodAsync('MentionQuery', null).catch(() => { });
        } else {
            return false;
        }
        e.preventDefault();
        return true;
    }

    // A press, not a click, so the box keeps its focus and caret.
    function onMentionPress(e) {
        const option = e.target.closest('[data-mention]');
        if (!option) return;
        e.preventDefault();
        chooseMention(option.dataset.mention);
    }

    function onKeyDown(e) {
        if (onMentionKey(e)) return;
        if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
        e.preventDefault();
        send();
    }

    function onAttach() {
        fileInput.click();
    }

    function onPaste(e) {
        const files = e.clipboardData?.files;
        if (!files || files.length === 0) return;
        e.preventDefault();
        const transfer = new DataTransfer();
        for (const file of files) transfer.items.add(file);
        fileInput.files = transfer.files;
        fileInput.dispatchEvent(new Event('change', { bubbles: true }));
    }

    textarea.addEventListener('keydown', onKeyDown);
    textarea.addEventListener('input', onInput);
    textarea.addEventListener('paste', onPaste);
    root.addEventListener('mousedown', onMentionPress);
    attachButton.addEventListener('click', onAttach);
    sendButton.addEventListener('click', send);

    return {
        giveBack,
        focus() {
            textarea.focus();
        },
        dispose() {
            textarea.removeEventListener('keydown', onKeyDown);
            textarea.removeEventListener('input', onInput);
            textarea.removeEventListener('paste', onPaste);
            root.removeEventListener('mousedown', onMentionPress);
            attachButton.removeEventListener('click', onAttach);
            sendButton.removeEventListener('click', send);
        },
    };
}
