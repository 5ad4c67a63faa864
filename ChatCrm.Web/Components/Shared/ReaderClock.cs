using System.Diagnostics.CodeAnalysis;
using ChatCrm.Core.Common;

namespace ChatCrm.Web.Components.Shared;

/// <summary>
/// The reader's clock for this circuit (or, while prerendering, this request): every component injects it to write a
/// time, so every time on every screen reads in the signed-in person's zone, in the one set of formats of
/// <see cref="ReaderTime"/>. <see cref="ReaderZone"/> sets the zone from the account before the page below it renders
/// (UTC until the account has one, or with nobody signed in); the profile page changes it when the person does.
/// </summary>
internal sealed class ReaderClock(TimeProvider clock)
{
    /// <summary>The formatter of the reader's zone.</summary>
    public ReaderTime Format { get; private set; } = ReaderTime.Utc;

    /// <summary>Whose zone <see cref="Format"/> is, once <see cref="Loaded"/>.</summary>
    internal Guid? UserId { get; private set; }

    internal bool Loaded { get; private set; }

    /// <summary>The zone stored on the account; null while it has none (times then read UTC).</summary>
    internal string? AccountZone { get; private set; }

    /// <summary>Set once this circuit asked the browser for its zone, so a browser that cannot tell is asked only once.</summary>
    internal bool BrowserAsked { get; set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>"Europe/Lisbon", or "UTC": what forms and lists say next to times.</summary>
    public string ZoneName => Format.ZoneName;

    internal void Use(Guid? userId, string? accountZone)
    {
        UserId = userId;
        AccountZone = accountZone;
        Format = ReaderTime.For(accountZone);
        Loaded = true;
    }

    /// <inheritdoc cref="ReaderTime.Short"/>
    [SuppressMessage("Naming", "CA1720", Justification = "Short and Long name the lengths of the one time format, not integer types.")]
    public string Short(DateTimeOffset at) => Format.Short(at);

    /// <summary>The short form, or a dash for a time that has not happened (not scheduled, not sent).</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "Short and Long name the lengths of the one time format, not integer types.")]
    public string Short(DateTimeOffset? at) => at is { } value ? Format.Short(value) : "—";

    /// <inheritdoc cref="ReaderTime.Long"/>
    [SuppressMessage("Naming", "CA1720", Justification = "Short and Long name the lengths of the one time format, not integer types.")]
    public string Long(DateTimeOffset at) => Format.Long(at);

    /// <inheritdoc cref="ReaderTime.ShortDate(DateTimeOffset)"/>
    public string ShortDate(DateTimeOffset at) => Format.ShortDate(at);

    /// <inheritdoc cref="ReaderTime.TimeOfDay(DateTimeOffset)"/>
    public string TimeOfDay(DateTimeOffset at) => Format.TimeOfDay(at);

    /// <inheritdoc cref="ReaderTime.ShortRange"/>
    public string ShortRange(DateTimeOffset start, DateTimeOffset end) => Format.ShortRange(start, end);

    /// <summary><see cref="ReaderTime.Recent"/> as of now: "14:05" today, "Yesterday", else "3 Dec 2026".</summary>
    public string Recent(DateTimeOffset at) => Format.Recent(at, Now);

    /// <summary><see cref="ReaderTime.NearShort"/> as of now: "Today, 14:05", "Tomorrow, 09:30", else the short form.</summary>
    public string NearShort(DateTimeOffset at) => Format.NearShort(at, Now);

    /// <inheritdoc cref="ReaderTime.Local"/>
    public DateTime Local(DateTimeOffset at) => Format.Local(at);

    /// <inheritdoc cref="ReaderTime.Day"/>
    public DateOnly Day(DateTimeOffset at) => Format.Day(at);

    /// <summary>The reader's today.</summary>
    public DateOnly Today => Format.Day(Now);

    /// <inheritdoc cref="ReaderTime.ToUtc(DateTime)"/>
    public DateTimeOffset ToUtc(DateTime local) => Format.ToUtc(local);
}
