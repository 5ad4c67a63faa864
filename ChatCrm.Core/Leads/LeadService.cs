using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Leads;

/// <summary>
/// Leads for agents and admins: reading, editing, the board and bulk actions. Every method starts with the staff
/// rule, so a Client gets <see cref="ForbiddenException"/> from each one whatever id they pass. This file holds the
/// reads; edits are in LeadService.Edits.cs and bulk actions in LeadService.Bulk.cs.
/// </summary>
public sealed partial class LeadService(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    public const int MaxBoardCards = 100;
    public const int MaxPickerValues = 200;
    private const string What = "leads";

    public async Task<PagedResult<LeadRow>> ListAsync(Actor actor, LeadFilter filter, LeadSort sort = LeadSort.Updated, bool descending = true,
        int skip = 0, int take = 25, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leads = db.Leads.AsNoTracking().Apply(filter, db.LeadTags);
        var (matches, total) = await NarrowAsync(db, leads, filter, cancellationToken);
        var page = await Sorted(matches, sort, descending).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(l => new
            {
                l.Id, l.Name, l.Email, l.Phone, l.Company, l.Status, l.Source, l.OwnerId,
                OwnerName = db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                l.CreatedAt, l.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        // One query for the page's tags rather than one per row.
        var tags = await TagsOfAsync(db, page.Select(p => p.Id).ToList(), cancellationToken);
        var rows = page.Select(p => new LeadRow(p.Id, p.Name, p.Email, p.Phone, p.Company, p.Status, p.Source, p.OwnerId, p.OwnerName,
            tags.GetValueOrDefault(p.Id) ?? [], p.CreatedAt, p.UpdatedAt)).ToList();
        return new PagedResult<LeadRow>(rows, total);
    }

    public async Task<LeadDetails?> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking().Include(l => l.Tags).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null) return null;
        var ownerName = lead.OwnerId is { } owner
            ? await db.Users.Where(u => u.Id == owner).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new LeadDetails(lead.Id, lead.Name, lead.Email, lead.Phone, lead.Company, lead.Status, lead.Source, lead.OwnerId, ownerName,
            lead.Tags.Select(t => t.Value).Order(StringComparer.Ordinal).ToList(), lead.Notes, lead.CreatedAt, lead.UpdatedAt, lead.Version);
    }

    /// <summary>The lead's timeline, newest first (at most <paramref name="take"/> lines).</summary>
    public async Task<IReadOnlyList<LeadActivityRow>> TimelineAsync(Actor actor, Guid id, int take = 200, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from a in db.LeadActivities.AsNoTracking()
                      where a.LeadId == id
                      join u in db.Users on a.ActorId equals u.Id into actors
                      from u in actors.DefaultIfEmpty()
                      orderby a.At descending, a.Id descending
                      select new LeadActivityRow(a.Id, a.Kind, a.Text, a.ActorId, u == null ? null : u.DisplayName, a.At))
            .Take(Math.Clamp(take, 1, 1000)).ToListAsync(cancellationToken);
    }

    /// <summary>Another lead with this email (case-insensitive), for the form's duplicate warning; null when none.</summary>
    public async Task<LeadDuplicate?> FindByEmailAsync(Actor actor, string? email, Guid? excludeId = null, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        var normalized = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(normalized)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Leads.AsNoTracking()
            .Where(l => l.NormalizedEmail == normalized && l.Id != excludeId)
            .OrderBy(l => l.CreatedAt)
            .Select(l => new LeadDuplicate(l.Id, l.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The pipeline: one column per status (those the filter names, or all), each with its count and its
    /// <paramref name="perColumn"/> most recently updated cards.
    /// </summary>
    public async Task<IReadOnlyList<LeadBoardColumn>> BoardAsync(Actor actor, LeadFilter filter, int perColumn = 20, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        var statuses = filter.Statuses.Count > 0 ? filter.Statuses : Enum.GetValues<LeadStatus>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leads = db.Leads.AsNoTracking().Apply(filter with { Statuses = [] }, db.LeadTags);
        var counts = await leads.GroupBy(l => l.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var take = Math.Clamp(perColumn, 1, MaxBoardCards);
        var columns = new List<LeadBoardColumn>();
        foreach (var status in statuses)
        {
            var cards = await leads.Where(l => l.Status == status)
                .OrderByDescending(l => l.UpdatedAt).ThenByDescending(l => l.Id).Take(take)
                .Select(l => new LeadCard(l.Id, l.Name, l.Company,
                    db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), l.Version, l.UpdatedAt))
                .ToListAsync(cancellationToken);
            columns.Add(new LeadBoardColumn(status, counts.GetValueOrDefault(status), cards));
        }
        return columns;
    }

    /// <summary>Everyone who can own a lead (agents and admins), by name.</summary>
    public async Task<IReadOnlyList<LeadOwner>> OwnersAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PeopleByRole.Staff(db).OrderBy(u => u.DisplayName).Select(u => new LeadOwner(u.Id, u.DisplayName))
            .Take(1000).ToListAsync(cancellationToken);
    }

    /// <summary>The sources in use, for the filter dropdown.</summary>
    public async Task<IReadOnlyList<string>> SourcesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Leads.AsNoTracking().Where(l => l.Source != null && l.Source != "").Select(l => l.Source!).Distinct()
            .OrderBy(s => s).Take(MaxPickerValues).ToListAsync(cancellationToken);
    }

    /// <summary>The tags in use, for the filter dropdown.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.LeadTags.AsNoTracking().Select(t => t.Value).Distinct()
            .OrderBy(s => s).Take(MaxPickerValues).ToListAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Lead, int>> PipelinePosition = l =>
        l.Status == LeadStatus.New ? 1 : l.Status == LeadStatus.Contacted ? 2 : l.Status == LeadStatus.Qualified ? 3 : l.Status == LeadStatus.Won ? 4 : 5;

    // Below this many matches the list reads the matching ids first and sorts only those.
    private const int FewMatches = 2000;

    // Up to this many text matches, the list reads them from the text index; above, they are common enough that
    // walking a sort index and testing each lead's text finds a page at once (measured: 10,000 matches from the
    // index cost about 25 ms for the page and its total, a walk under 1 ms plus the count).
    private const int IndexedTextMatches = 10_000;

    /// <summary>
    /// A search (text) or a tag filter (a list of ids) has no index in list order. Walking a sort index and testing
    /// each row finds a common match at once but a rare one only after reading every lead (130 ms on 100,000 leads),
    /// and the database may instead sort every match. So a search first asks the text index (<see cref="LeadTextIndex"/>)
    /// how many leads contain the text: few enough, and the page is built from those alone; many, and the sort-index
    /// walk is quick. Without an index answer (a term under three characters, or PostgreSQL, whose planner weighs its
    /// trigram index itself) a search or a tag filter reads up to <see cref="FewMatches"/> matching ids: when that is
    /// all of them, it is the total too and the page is sorted from those ids alone. Other filters keep the plain
    /// count and page: their indexes are in list order.
    /// </summary>
    private static async Task<(IQueryable<Lead> Matches, int Total)> NarrowAsync(ChatCrmDbContext db, IQueryable<Lead> leads, LeadFilter filter,
        CancellationToken cancellationToken)
    {
        var rest = filter with { Search = null };
        int? textMatches = null;
        if (filter.SearchTerm is { } term)
        {
            // Alone, the text's full count is the list's total; with other filters counting stops once it is common.
            textMatches = await LeadTextIndex.CountAsync(db, term, rest.IsEmpty ? null : IndexedTextMatches + 1, cancellationToken);
            if (textMatches <= IndexedTextMatches)
            {
                var matches = LeadTextIndex.Containing(db, term).Apply(rest, db.LeadTags);
                return (matches, rest.IsEmpty ? textMatches.Value : await matches.CountAsync(cancellationToken));
            }
            if (textMatches is { } common && rest.IsEmpty) return (leads, common);
            if (textMatches is null && await FewIdsAsync(LeadTextIndex.Containing(db, term), cancellationToken) is { } found)
            {
                // The (text, id) index on the text alone: combined with a status the database would rather look up
                // every lead of that status (31 ms against 10 ms).
                var byId = db.Leads.AsNoTracking().Where(l => found.Contains(l.Id));
                if (rest.IsEmpty) return (byId, found.Count);
                var matches = byId.Apply(rest, db.LeadTags);
                return (matches, await matches.CountAsync(cancellationToken));
            }
        }
        if ((filter.SearchTerm is not null || !string.IsNullOrWhiteSpace(filter.Tag))
            && await FewIdsAsync(leads, cancellationToken) is { } ids)
        {
            return (db.Leads.AsNoTracking().Where(l => ids.Contains(l.Id)), ids.Count);
        }
        return (leads, await leads.CountAsync(cancellationToken));
    }

    /// <summary>The ids of all matches when there are at most <see cref="FewMatches"/>; null when there are more.</summary>
    private static async Task<List<Guid>?> FewIdsAsync(IQueryable<Lead> leads, CancellationToken cancellationToken)
    {
        var ids = await leads.Select(l => l.Id).Take(FewMatches + 1).ToListAsync(cancellationToken);
        return ids.Count <= FewMatches ? ids : null;
    }

    private static IQueryable<Lead> Sorted(IQueryable<Lead> leads, LeadSort sort, bool descending) => (sort, descending) switch
    {
        // Id breaks ties, so paging through equal names never shows a row twice or skips one.
        (LeadSort.Name, false) => leads.OrderBy(l => l.Name).ThenBy(l => l.Id),
        (LeadSort.Name, true) => leads.OrderByDescending(l => l.Name).ThenByDescending(l => l.Id),
        (LeadSort.Company, false) => leads.OrderBy(l => l.Company).ThenBy(l => l.Id),
        (LeadSort.Company, true) => leads.OrderByDescending(l => l.Company).ThenByDescending(l => l.Id),
        // Status is stored as text; sorting by its pipeline position (New first) beats alphabetical.
        (LeadSort.Status, false) => leads.OrderBy(PipelinePosition).ThenBy(l => l.Id),
        (LeadSort.Status, true) => leads.OrderByDescending(PipelinePosition).ThenByDescending(l => l.Id),
        (LeadSort.Created, false) => leads.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id),
        (LeadSort.Created, true) => leads.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
        (LeadSort.Updated, false) => leads.OrderBy(l => l.UpdatedAt).ThenBy(l => l.Id),
        _ => leads.OrderByDescending(l => l.UpdatedAt).ThenByDescending(l => l.Id),
    };

    private static async Task<Dictionary<Guid, IReadOnlyList<string>>> TagsOfAsync(ChatCrmDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var tags = await db.LeadTags.AsNoTracking().Where(t => ids.Contains(t.LeadId)).ToListAsync(cancellationToken);
        return tags.GroupBy(t => t.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(t => t.Value).Order(StringComparer.Ordinal).ToList());
    }
}
