namespace ChatCrm.Web.Components.Shared;

/// <summary>What <see cref="ReaderZone"/> hands from the prerendered page to the live one.</summary>
internal sealed record PersistedZone(Guid? UserId, string? Zone);

internal static partial class ReaderZoneLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the browser's time zone; times show in UTC on this page")]
    public static partial void BrowserSilent(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The browser reported a time zone this server does not know ({Reported}); times show in UTC")]
    public static partial void BrowserZoneUnknown(ILogger logger, string? reported);
}
