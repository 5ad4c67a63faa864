// Alerts for new chat messages (Components/Pages/Chat/ChatAlerts and ChatUnreadBadge). The server decides who is
// alerted and how (mute, the person's switches); the page decides only what needs the browser: whether the person is
// looking at that chat right now, the permission, the notification itself, the sound and the tab title.

const askedKey = 'chatcrm.notifications-asked';
const lastAlertKey = 'chatcrm.last-alert';
let unread = 0;
let titleObserver = null;
let audio = null;

// "(3) Chat · ChatCrm": the unread count leads the tab title. Pages set their own titles as they change, so the count
// is put back whenever the title element changes.
export function setUnread(count) {
    unread = count;
    applyUnread();
    if (!titleObserver) {
        titleObserver = new MutationObserver(applyUnread);
        titleObserver.observe(document.head, { subtree: true, childList: true, characterData: true });
    }
}

function applyUnread() {
    const bare = document.title.replace(/^\(\d+\+?\) /, '');
    const wanted = unread > 0 ? `(${unread > 99 ? '99+' : unread}) ${bare}` : bare;
    if (document.title !== wanted) document.title = wanted;
}

// A message came. Nothing when its chat is the one open and the tab is in front; otherwise the notification and the
// sound the server allowed. Several tabs of one person each hear of it: the notification's tag makes the browser show
// one, and the last alerted message id, shared by the tabs, keeps the sound to one.
export function messageArrived(alert) {
    if (alert.inView && document.visibilityState === 'visible') return false;
    if (localStorage.getItem(lastAlertKey) === alert.tag) return false;
    localStorage.setItem(lastAlertKey, alert.tag);
    if (alert.desktop && 'Notification' in window && Notification.permission === 'granted') {
        try {
            const shown = new Notification(alert.title, { body: alert.body, tag: alert.tag, icon: '/favicon.svg' });
            shown.onclick = () => {
                window.focus();
                window.Blazor?.navigateTo(alert.url);
                shown.close();
            };
        } catch {
            // Some browsers only notify from a service worker; the sound and the title still tell.
        }
    }
    if (alert.sound) chime();
    return true;
}

// Two soft notes, made on the spot (no file to fetch). Browsers keep audio silent until the person has used the page;
// until then this quietly does nothing.
function chime() {
    try {
        audio ??= new AudioContext();
        if (audio.state === 'suspended') audio.resume().catch(() => { });
        const start = audio.currentTime;
        [[880, 0], [1320, 0.12]].forEach(([frequency, offset]) => {
            const tone = audio.createOscillator();
            const volume = audio.createGain();
            tone.type = 'sine';
            tone.frequency.value = frequency;
            volume.gain.setValueAtTime(0.0001, start + offset);
            volume.gain.exponentialRampToValueAtTime(0.06, start + offset + 0.02);
            volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
            tone.connect(volume).connect(audio.destination);
            tone.start(start + offset);
            tone.stop(start + offset + 0.32);
        });
    } catch {
        // No audio here; nothing else depends on it.
    }
}

// 'granted', 'denied', 'default' (not asked yet) or 'unsupported'.
export function permission() {
    return 'Notification' in window ? Notification.permission : 'unsupported';
}

// Whether to offer notifications: the browser has not been asked, and the person has not said "Not now" here.
export function mayOffer() {
    return permission() === 'default' && localStorage.getItem(askedKey) === null;
}

// Asks the browser (which shows its own question) and remembers that this browser was asked either way.
export async function ask() {
    localStorage.setItem(askedKey, new Date().toISOString());
    return 'Notification' in window ? await Notification.requestPermission() : 'unsupported';
}

export function declineOffer() {
    localStorage.setItem(askedKey, new Date().toISOString());
}
