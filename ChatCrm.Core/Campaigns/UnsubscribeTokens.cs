using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ChatCrm.Core.Common;
using ChatCrm.Core.Email;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Campaigns;

/// <summary>What an unsubscribe link stops: a lead's campaign mails, or an account's chat digest mails.</summary>
public enum MailList
{
    Campaigns,
    ChatDigest,
}

/// <summary>
/// Signs unsubscribe links: the token is HMAC-SHA256 of the list and the lead's or account's id under a server key (as
/// <c>CodeHasher</c> keeps its key), so a link works without a stored token and nobody can unsubscribe someone whose
/// link they were not sent. A token for one list never works for the other.
/// </summary>
public sealed class UnsubscribeTokens
{
    private readonly byte[] _key;
    private readonly string _baseUrl;

    public UnsubscribeTokens(IOptions<CampaignOptions> options, IOptions<EmailOptions> email, DataDirectory data)
    {
        _key = options.Value.UnsubscribeKey is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : PrivateFiles.LoadOrCreateKey(Path.Combine(data.Keys, "unsubscribe.key"));
        _baseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
    }

    public string TokenFor(Guid id, MailList list = MailList.Campaigns) => Base64Url.EncodeToString(Sign(id, list));

    public bool IsValid(Guid id, string? token, MailList list = MailList.Campaigns)
    {
        if (string.IsNullOrWhiteSpace(token)) return false;
        byte[] given;
        try
        {
            given = Base64Url.DecodeFromChars(token.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Sign(id, list));
    }

    public string LinkFor(Guid leadId) => $"{_baseUrl}/unsubscribe?lead={leadId}&token={TokenFor(leadId)}";

    public string DigestLinkFor(Guid userId) => $"{_baseUrl}/unsubscribe?person={userId}&token={TokenFor(userId, MailList.ChatDigest)}";

    // The campaign text is the one links already sent were signed with; it must not change.
    private byte[] Sign(Guid id, MailList list) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(list == MailList.Campaigns ? $"unsubscribe:{id:N}" : $"chat-digest:{id:N}"));
}
