namespace ChatCrm.Web.Components.Shared;

internal static partial class ActionLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Page action {Action} failed")]
    public static partial void ActionFailed(ILogger logger, Exception exception, string action);
}
