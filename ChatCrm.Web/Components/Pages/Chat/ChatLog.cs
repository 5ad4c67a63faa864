namespace ChatCrm.Web.Components.Pages.Chat;

internal static partial class ChatLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Chat action {Action} failed")]
    public static partial void ActionFailed(ILogger logger, Exception exception, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat upload of {Size} bytes did not finish")]
    public static partial void UploadInterrupted(ILogger logger, Exception exception, long size);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not tell others about typing")]
    public static partial void TypingFailed(ILogger logger, Exception exception);
}
