namespace ChatCrm.Core.Common;

/// <summary>
/// Text typed by a person inside a SQL LIKE pattern: its own "%" and "_" match themselves, through one escape character
/// that every engine is told about (<c>EF.Functions.Like(value, pattern, LikePattern.EscapeCharacter)</c>).
/// </summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>"Contains the text, ignoring case": a pattern for <c>LIKE</c> against upper(column), folded as .NET folds.</summary>
    public static string Contains(string text) => "%" + Escape(text.ToUpperInvariant()) + "%";
}
