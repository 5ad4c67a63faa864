namespace ChatCrm.Core.Campaigns;

/// <summary>
/// The campaign form's rules beyond <see cref="CampaignInput"/>'s own annotations: those that depend on the stored
/// campaign and on the time now. The form runs them as a person types and shows each beside its field;
/// <see cref="CampaignService"/> runs them again on save.
/// </summary>
public static class CampaignRules
{
    /// <summary>Every field's problem, keyed by <see cref="CampaignInput"/> property name.</summary>
    /// <param name="storedStatus">The status as stored; null for a new campaign.</param>
    /// <param name="storedSchedule">The schedule as stored.</param>
    public static Dictionary<string, string> Validate(CampaignInput input, CampaignStatus? storedStatus, DateTimeOffset? storedSchedule, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(input.Channel)) errors[nameof(CampaignInput.Channel)] = "Choose email, WhatsApp or SMS.";
        if (!Enum.IsDefined(input.Status))
            errors[nameof(CampaignInput.Status)] = "Choose a status.";
        else if (input.Channel == CampaignChannel.Email && input.Status is CampaignStatus.Running or CampaignStatus.Completed && input.Status != storedStatus)
            errors[nameof(CampaignInput.Status)] = "An email campaign runs by sending it: keep it Draft or Scheduled, then use Start sending on its page.";
        // A schedule that is kept unchanged may have passed since it was set; a new one must lie ahead.
        var keepsSchedule = storedStatus is not null && storedStatus == input.Status && storedSchedule == input.ScheduledAt;
        if (input.Status == CampaignStatus.Scheduled && input.ScheduledAt is { } at && !keepsSchedule && at < now.AddMinutes(-1))
            errors[nameof(CampaignInput.ScheduledAt)] = "The schedule lies in the past; choose a time from now on.";
        return errors;
    }
}
