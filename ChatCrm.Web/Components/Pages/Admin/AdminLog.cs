namespace ChatCrm.Web.Components.Pages.Admin;

internal static partial class AdminLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Admin action {Action} failed")]
    public static partial void ActionFailed(ILogger logger, Exception exception, string action);
}
