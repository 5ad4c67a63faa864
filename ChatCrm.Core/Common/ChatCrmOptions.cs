using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Common;

/// <summary>The <c>ChatCrm</c> configuration section (environment: <c>ChatCrm__Key</c>).</summary>
public sealed class ChatCrmOptions
{
    public const string Section = "ChatCrm";

    /// <summary>Everything the app writes lives under this folder. Relative paths are taken from the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Where uploaded files (chat attachments, avatars, group pictures) are kept: the data folder's uploads/ unless
    /// set. Several servers set it to one folder they all mount (a network share), so a file sent through one server
    /// opens through any; required with ConnectionStrings:Redis.
    /// </summary>
    public string? UploadsDirectory { get; set; }

    /// <summary>"Sqlite" (embedded default) or "PostgreSql".</summary>
    [Required, RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "ChatCrm:Database:Provider must be Sqlite or PostgreSql.")]
    public string DatabaseProvider { get; set; } = "Sqlite";

    /// <summary>Fill an empty database with believable demo accounts.</summary>
    public bool DemoData { get; set; }

    [ValidateObjectMembers]
    public BootstrapOptions Bootstrap { get; set; } = new();
}

/// <summary>Creates the first Admin from configuration, for automated installs.</summary>
public sealed class BootstrapOptions
{
    [EmailAddress]
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
