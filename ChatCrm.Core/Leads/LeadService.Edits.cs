using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Leads;

public sealed partial class LeadService
{
    public const string NotFoundText = "That lead no longer exists; someone may have deleted it.";

    public async Task<LeadSaveResult> CreateAsync(Actor actor, LeadInput input, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, cancellationToken);
        if (errors.Count > 0) return LeadSaveResult.Invalid(errors);

        var now = clock.GetUtcNow();
        var lead = new Lead { CreatedById = actor.UserId, CreatedAt = now, UpdatedAt = now };
        Apply(lead, input);
        db.Leads.Add(lead);
        db.LeadActivities.Add(Activity(lead.Id, LeadActivityKind.Created, null, actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return LeadSaveResult.Saved(lead.Id);
    }

    /// <summary>Saves the form made against <paramref name="loadedVersion"/>; a stale one gets <see cref="ConcurrencyConflictException"/>.</summary>
    public async Task<LeadSaveResult> UpdateAsync(Actor actor, Guid id, LeadInput input, int loadedVersion, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.Include(l => l.Tags).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null) return LeadSaveResult.Refused(NotFoundText);
        var errors = await ValidateAsync(db, input, cancellationToken);
        if (errors.Count > 0) return LeadSaveResult.Invalid(errors);
        db.ExpectVersion(lead, loadedVersion);

        var before = LeadSnapshot.Of(lead);
        Apply(lead, input);
        var after = LeadSnapshot.Of(lead);
        var now = clock.GetUtcNow();
        lead.UpdatedAt = now;
        var names = await OwnerNamesAsync(db, before.OwnerId, after.OwnerId, cancellationToken);
        foreach (var (kind, text) in LeadSnapshot.Describe(before, after, names))
            db.LeadActivities.Add(Activity(lead.Id, kind, text, actor, now));
        await db.SaveOrConflictAsync(cancellationToken);
        return LeadSaveResult.Saved(lead.Id);
    }

    /// <summary>The board's move: a new status for one lead, against the version its card showed.</summary>
    public async Task<Result> MoveAsync(Actor actor, Guid id, LeadStatus status, int loadedVersion, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        if (!Enum.IsDefined(status)) return Result.Fail("Choose a status.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null) return Result.Fail(NotFoundText);
        db.ExpectVersion(lead, loadedVersion);
        if (lead.Status == status) return Result.Ok();
        var now = clock.GetUtcNow();
        db.LeadActivities.Add(Activity(id, LeadActivityKind.StatusChanged, LeadSnapshot.StatusChange(lead.Status, status), actor, now));
        lead.Status = status;
        lead.UpdatedAt = now;
        await db.SaveOrConflictAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>A note on the timeline. It does not change the lead itself, so it needs no version.</summary>
    public async Task<Result> AddNoteAsync(Actor actor, Guid id, string? text, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        var note = text?.Trim() ?? "";
        if (note.Length == 0) return Result.Fail("Write the note first.");
        if (note.Length > LeadActivity.TextMax) return Result.Fail($"A note can be at most {LeadActivity.TextMax} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Touching UpdatedAt without the version: a note must not make someone's open edit form stale.
        if (await db.Leads.Where(l => l.Id == id).ExecuteUpdateAsync(set => set.SetProperty(l => l.UpdatedAt, now), cancellationToken) == 0)
            return Result.Fail(NotFoundText);
        db.LeadActivities.Add(Activity(id, LeadActivityKind.Note, note, actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> DeleteAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        StaffOnly.Require(actor, What);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Tags and timeline go with it (cascading foreign keys).
        var deleted = await db.Leads.Where(l => l.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Result.Fail(NotFoundText) : Result.Ok();
    }

    private static async Task<Dictionary<string, string>> ValidateAsync(ChatCrmDbContext db, LeadInput input, CancellationToken cancellationToken)
    {
        var errors = LeadValidation.Validate(input);
        if (input.OwnerId is { } owner && !await PeopleByRole.Staff(db).AnyAsync(u => u.Id == owner, cancellationToken))
            errors[nameof(LeadInput.OwnerId)] = "Choose an owner from the list of agents and admins.";
        return errors;
    }

    private static void Apply(Lead lead, LeadInput input)
    {
        lead.Name = input.Name!.Trim();
        lead.Email = input.Email!.Trim();
        lead.Phone = Blank(input.Phone);
        lead.Company = Blank(input.Company);
        lead.Status = input.Status;
        lead.Source = Blank(input.Source);
        lead.OwnerId = input.OwnerId;
        lead.Notes = Blank(input.Notes);
        var tags = LeadValidation.NormalizeTags(input.Tags);
        lead.Tags.RemoveAll(t => !tags.Contains(t.Value));
        foreach (var tag in tags.Where(t => lead.Tags.All(existing => existing.Value != t)))
            lead.Tags.Add(new LeadTag { LeadId = lead.Id, Value = tag });
        lead.RefreshDerived();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static LeadActivity Activity(Guid leadId, LeadActivityKind kind, string? text, Actor actor, DateTimeOffset at) =>
        new() { LeadId = leadId, Kind = kind, Text = text is { Length: > LeadActivity.TextMax } ? text[..LeadActivity.TextMax] : text, ActorId = actor.UserId, At = at };

    private static async Task<Dictionary<Guid, string>> OwnerNamesAsync(ChatCrmDbContext db, Guid? before, Guid? after, CancellationToken cancellationToken)
    {
        if (before == after) return [];
        var ids = new[] { before, after }.OfType<Guid>().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
