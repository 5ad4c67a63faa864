using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Core.Leads.Import;

/// <summary>The <c>ChatCrm:Leads:Csv</c> section: limits of the lead CSV import and the export's page size.</summary>
public sealed class LeadCsvOptions
{
    public const string Section = "ChatCrm:Leads:Csv";

    /// <summary>The largest file accepted. The whole file is held in memory while it is previewed and imported.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most data rows one import takes.</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 20_000;

    /// <summary>Rows written per SaveChanges and transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Leads read per query while exporting.</summary>
    [Range(1, 10_000)]
    public int ExportPageSize { get; set; } = 1000;
}
