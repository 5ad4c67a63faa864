// The browser's time zone (an IANA id such as "Europe/Lisbon"), asked once for an account that has none yet by
// Components/Shared/ReaderZone.razor. The server keeps it on the account and writes every time in it; no time is
// formatted here.
export function browserTimeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
    } catch {
        // A browser without Intl time zones: the account stays on UTC until the person chooses on their profile.
        return null;
    }
}
