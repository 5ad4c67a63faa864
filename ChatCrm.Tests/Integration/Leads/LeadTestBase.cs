using ChatCrm.Core.Accounts;
using ChatCrm.Core.Leads;
using ChatCrm.Tests.Integration.Crm;

namespace ChatCrm.Tests.Integration.Leads;

/// <summary>The CRM test people plus a quick way to add a lead through the real service.</summary>
public abstract class LeadTestBase : CrmTestBase
{
    protected LeadService Leads => Get<LeadService>();

    protected static LeadInput Input(string name, string? email = null, string? company = null, string? phone = null,
        LeadStatus status = LeadStatus.New, string? source = null, Guid? owner = null, params string[] tags) => new()
        {
            Name = name,
            Email = email ?? $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}"[..16] + "@example.test",
            Company = company,
            Phone = phone,
            Status = status,
            Source = source,
            OwnerId = owner,
            Tags = [.. tags],
        };

    protected async Task<Guid> AddAsync(LeadInput input, Actor? by = null)
    {
        var saved = await Leads.CreateAsync(by ?? Agent, input);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return saved.Id!.Value;
    }

    protected Task<Guid> AddAsync(string name, string? email = null, string? company = null, LeadStatus status = LeadStatus.New,
        Guid? owner = null, params string[] tags) => AddAsync(Input(name, email, company, status: status, owner: owner, tags: tags));

    protected async Task<LeadDetails> DetailsAsync(Guid id) => await Leads.GetAsync(Admin, id) ?? throw new InvalidOperationException("lead missing");
}
