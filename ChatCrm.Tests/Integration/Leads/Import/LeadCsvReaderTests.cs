using ChatCrm.Core.Leads.Import;

namespace ChatCrm.Tests.Integration.Leads.Import;

public sealed class LeadCsvReaderTests() : LeadCsvTestBase(new Dictionary<string, string?>
{
    ["ChatCrm:Leads:Csv:MaxBytes"] = "2048",
    ["ChatCrm:Leads:Csv:MaxRows"] = "5",
})
{
    [Fact]
    public async Task QuotedCellsKeepTheirCommasQuotesAndLineBreaks()
    {
        var csv = await ParseAsync("Name,Email,Notes\r\n\"Lopez, Maria\",maria@example.test,\"Said \"\"call me\"\"\nnext week\"\r\n");

        var row = Assert.Single(csv.Rows);
        Assert.Equal(["Lopez, Maria", "maria@example.test", "Said \"call me\"\nnext week"], row.Cells);
        Assert.Equal(2, row.Number);
        Assert.Equal(',', csv.Delimiter);
    }

    [Fact]
    public async Task SemicolonSeparatedFileIsDetected()
    {
        var csv = await ParseAsync("Name;Email;Company\nJonas Berg;jonas@example.test;\"Berg, Sons & Co\"\n");

        Assert.Equal(';', csv.Delimiter);
        Assert.Equal(["Name", "Email", "Company"], csv.Headers);
        Assert.Equal(["Jonas Berg", "jonas@example.test", "Berg, Sons & Co"], Assert.Single(csv.Rows).Cells);
    }

    [Fact]
    public async Task ByteOrderMarkIsNotPartOfTheFirstHeader()
    {
        var read = await ReadAsync("Name,Email\nAnn,ann@example.test\n", byteOrderMark: true);

        Assert.Equal("Name", read.Csv!.Headers[0]);
        Assert.Equal(LeadField.Name, LeadColumnMapping.Guess(read.Csv.Headers)[0]);
    }

    [Fact]
    public async Task EmptyRowsAreLeftOutButRowNumbersMatchTheSpreadsheet()
    {
        var csv = await ParseAsync("Name,Email\nAnn,ann@example.test\n,\n\nBob,bob@example.test,extra\nCy\n");

        Assert.Equal([2, 5, 6], csv.Rows.Select(r => r.Number));
        Assert.Equal(["Bob", "bob@example.test"], csv.Rows[1].Cells);
        Assert.Equal(["Cy", ""], csv.Rows[2].Cells);
    }

    [Fact]
    public async Task TooManyRowsIsRefusedWithTheLimit()
    {
        var text = "Name,Email\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"P{i},p{i}@example.test\n"));

        var read = await ReadAsync(text);

        Assert.Null(read.Csv);
        Assert.Contains("more than 5 rows", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLargeFileIsRefusedWithTheLimit()
    {
        var read = await ReadAsync("Name,Email,Notes\nAnn,ann@example.test," + new string('x', 3000) + "\n");

        Assert.Null(read.Csv);
        Assert.Contains("larger than 2 KB", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryFileIsRefusedAsNotACsv()
    {
        using var stream = new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);

        var read = await Get<LeadCsvReader>().ReadAsync(stream, "leads.xlsx");

        Assert.Null(read.Csv);
        Assert.Contains("not a CSV file", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyFileAndHeaderOnlyFileAreRefused()
    {
        Assert.Equal("The file is empty.", (await ReadAsync("")).Error);
        Assert.Contains("no leads", (await ReadAsync("Name,Email\n")).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewIsTheFirstTenRows()
    {
        var read = await Get<LeadCsvReader>().ReadAsync(new MemoryStream("Name,Email\na,a@x.io\nb,b@x.io\n"u8.ToArray()), "x.csv");

        Assert.Equal(2, read.Csv!.Preview.Count());
        Assert.Equal(10, ParsedCsv.PreviewRows);
    }

    [Fact]
    public void MappingIsGuessedFromHeaderSynonymsInAnyCase()
    {
        var mapping = LeadColumnMapping.Guess(["Full name", "E-mail", "Organisation", "Mobile", "STAGE", "Lead source", "Labels", "Comments", "Owner email", "Favourite colour"]);

        Assert.Equal(
            [LeadField.Name, LeadField.Email, LeadField.Company, LeadField.Phone, LeadField.Status, LeadField.Source, LeadField.Tags, LeadField.Notes,
             LeadField.OwnerEmail, LeadField.Ignore],
            mapping.Fields);
    }

    [Fact]
    public void MappingWithoutEmailOrWithAFieldTwiceIsRefused()
    {
        string[] headers = ["Name", "Email", "Company"];

        Assert.Contains("email", LeadColumnMapping.Guess(["Name", "Company"]).Validate(["Name", "Company"]), StringComparison.Ordinal);
        var twice = LeadColumnMapping.Guess(headers).With(2, LeadField.Name).Validate(headers);
        Assert.Contains("more than one column", twice, StringComparison.Ordinal);
        Assert.Null(LeadColumnMapping.Guess(headers).Validate(headers));
    }
}
