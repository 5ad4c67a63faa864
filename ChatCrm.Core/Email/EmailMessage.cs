namespace ChatCrm.Core.Email;

/// <summary>One mail with an HTML body and its plain-text twin, made from the same template.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);
